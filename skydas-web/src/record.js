// The record panel: a record's fields, the lifecycle actions the server offers the caller
// (allowed_actions), the edits and activities it allows, and the audit history. The server decides
// what is offered; this module only renders it.
import { api } from './api.js';
import { $, el, flash, problemText, words } from './dom.js';
import { fieldErrors, showErrors } from './errors.js';
import { state, refreshRecords } from './state.js';
import { asLaidPanel, detailsPanel, geometryButton, shelterPanel } from './record-edit.js';
import { activitiesPanel } from './activities.js';

const FIELDS = ['kind', 'type', 'name', 'status', 'year', 'height_m', 'azimuth_deg', 'marked', 'fenced', 'monitored', 'version', 'updated_at'];

let asLaidForm = null; // the as-laid form on show, where emplacement errors are placed

const recordPath = (id, tail = '') => `/api/records/${encodeURIComponent(id)}${tail}`;

/** Loads a record into the panel. */
export async function showRecord(id) {
  asLaidForm = null;
  const box = $('#feature');
  box.replaceChildren(el('p', { class: 'hint' }, `Loading ${id}…`));
  try {
    const f = await api('GET', recordPath(id));
    const hist = el('ol', {});
    box.replaceChildren(
      el('h3', {}, `Record ${id}`),
      fieldTable(f.properties),
      // the printable record sheet (CCW APII Technical Annex 1(a)): diagram, markings, history
      f.properties.kind === 'minefield'
        ? el('p', {}, el('a', { id: 'record-sheet', href: recordPath(id, '/sheet'), target: '_blank', rel: 'noopener' }, 'Record sheet (printable)'))
        : [],
      el('h3', {}, 'Actions'), actionButtons(f),
      el('ul', { class: 'errors', id: 'record-errors' }),
      editPanel(f),
      activitiesPanel(f, () => showRecord(id)),
      el('h3', {}, 'History'), hist,
    );
    const h = await api('GET', recordPath(id, '/history'));
    for (const e of h.events) hist.append(el('li', {}, `${e.at.replace('T', ' ').slice(0, 19)} ${e.actor} (${e.role}): ${e.action}`));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

function fieldTable(p) {
  const rows = FIELDS.filter((k) => p[k] !== undefined);
  return el('table', {}, rows.map((k) => el('tr', {}, el('th', {}, k), el('td', {}, p[k]))));
}

function actionButtons(f) {
  const p = f.properties;
  const box = el('div', { class: 'actions' });
  for (const a of f.allowed_actions) {
    box.append(el('button', { type: 'button', 'data-action': a, onclick: () => act(f.id, a, p.version) }, words(a)));
  }
  if (!f.allowed_actions.length) box.append(el('p', { class: 'hint' }, `No lifecycle action for a ${state.me.role} on a ${words(p.status)} record.`));
  return box;
}

function editPanel(f) {
  const edit = el('div', { id: 'record-edit' });
  const saved = () => showRecord(f.id);
  if (f.allowed_edits.includes('details')) edit.append(...detailsPanel(f, saved));
  if (f.allowed_edits.includes('geometry')) edit.append(geometryButton(f, edit, saved));
  if (f.allowed_edits.includes('shelter')) edit.append(...shelterPanel(f, saved));
  if (f.allowed_edits.includes('as_laid')) {
    const panel = asLaidPanel(f, saved);
    asLaidForm = panel.form;
    edit.append(...panel.nodes);
  }
  return edit;
}

async function act(id, action, version) {
  try {
    await api('POST', recordPath(id, '/actions'), { action, version });
    flash(`${id}: ${words(action)} recorded`, true);
    refreshRecords();
    showRecord(id);
  } catch (e) {
    flash(`${id}: ${problemText(e)}`);
    const ul = document.getElementById('record-errors');
    if (ul) showErrors(ul, e);
    if (asLaidForm && fieldErrors(e).length) asLaidForm.errors(fieldErrors(e)); // beside each field of the as-laid record
  }
}
