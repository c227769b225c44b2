// The registry list, filtered by status; a record's id opens it on the map view.
import { api } from './api.js';
import { $, el, problemText, words } from './dom.js';
import { show } from './tabs.js';
import { showRecord } from './record.js';

export function initRegistry() {
  const st = $('#reg-status');
  st.addEventListener('change', () => registryList());
}

/** Fills the status filter from the server's statuses (once; they come in lifecycle order). */
export function statusChoices(statuses) {
  const st = $('#reg-status');
  if (st.options.length === 1) st.append(...statuses.map((s) => el('option', { value: s.id }, words(s.id))));
}

export async function registryList() {
  const box = $('#reg-list');
  const st = $('#reg-status').value;
  try {
    const fc = await api('GET', `/api/records?limit=1000${st ? `&status=${st}` : ''}`);
    if (!fc.features.length) {
      box.replaceChildren(el('p', { class: 'hint' }, st ? `No ${words(st)} records.` : 'The registry is empty. Add an obstacle from the map view.'));
      return;
    }
    box.replaceChildren(el('table', {}, el('tr', {}, el('th', {}, 'id'), el('th', {}, 'type'), el('th', {}, 'name'), el('th', {}, 'status')),
      fc.features.map(row)));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

function row(f) {
  const open = () => { show('map'); showRecord(f.id); };
  return el('tr', {}, el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: open }, f.id)),
    el('td', {}, f.properties.type), el('td', {}, f.properties.name || ''), el('td', {}, f.properties.status));
}
