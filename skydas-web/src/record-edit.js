// Editing a record, as the server allows it (allowed_edits): a planned record's name and year (a
// sensor site's height and azimuth too), its geometry on the map, a minefield's as-laid record and
// a shelter's capacity, protection and access. Each save sends the version edited.
import { api } from './api.js';
import { el, flash, problemText } from './dom.js';
import { fieldErrors, showErrors } from './errors.js';
import { editGeometry } from './map.js';
import { minefieldForm } from './minefield.js';
import { state, refreshRecords } from './state.js';

const put = (f, properties, geometry = f.geometry) =>
  api('PUT', `/api/records/${encodeURIComponent(f.id)}`, { type: 'Feature', id: f.id, version: f.properties.version, properties, geometry });

const numberOf = (input) => (input.value.trim() === '' ? undefined : Number(input.value));

/** Name and year inputs (and a sensor site's height and azimuth) with a save button (the nodes to append). */
export function detailsPanel(f, saved) {
  const p = f.properties;
  const name = el('input', { 'data-field': 'name', value: p.name || '' });
  const year = el('input', { 'data-field': 'year', type: 'number', min: 1, max: 30, value: p.year || 1 });
  const sensor = p.kind === 'sensor';
  const height = el('input', { 'data-field': 'height_m', type: 'number', step: 'any', value: p.height_m ?? '' });
  const azimuth = el('input', { 'data-field': 'azimuth_deg', type: 'number', step: 'any', value: p.azimuth_deg ?? '' });
  const errs = el('ul', { class: 'errors', id: 'edit-errors' });
  const save = async (ev) => {
    try {
      const siting = sensor ? { height_m: numberOf(height), azimuth_deg: numberOf(azimuth) } : {};
      await put(f, { type: p.type, name: name.value.trim() || undefined, year: Number(year.value) || undefined, notes: p.notes, ...siting });
      flash(`${f.id} saved`, true);
      saved();
    } catch (e) { flash(`${f.id} not saved: ${problemText(e)}`); showErrors(errs, e, ev.target.parentElement); }
  };
  const siting = sensor ? [el('label', {}, 'Height, m ', height), el('label', {}, 'Azimuth, ° ', azimuth)] : [];
  return [el('h3', {}, 'Edit'), el('label', {}, 'Name ', name), el('label', {}, 'Year ', year), ...siting,
    el('button', { type: 'button', id: 'record-save', onclick: save }, 'Save'), errs];
}

/** A button that starts editing the geometry on the map and, pressed again, saves it. */
export function geometryButton(f, edit, saved) {
  let editing = null;
  const button = el('button', { type: 'button', class: 'secondary', id: 'geometry-edit', onclick: async () => {
    if (!editing) {
      editing = editGeometry(state.ui.map, f.geometry);
      state.drawing = true; // map clicks now edit, not select
      button.textContent = 'Save the geometry';
      return;
    }
    const g = editing.read();
    editing.stop();
    editing = null;
    state.drawing = false;
    try {
      await put(f, { type: f.properties.type }, g);
      flash(`${f.id}: geometry saved`, true);
      refreshRecords();
      saved();
    } catch (e) {
      flash(`${f.id}: geometry not saved: ${problemText(e)}`);
      const errs = edit.querySelector('#edit-errors');
      if (errs) showErrors(errs, e, edit);
      button.textContent = 'Edit the geometry on the map';
    }
  } }, 'Edit the geometry on the map');
  return button;
}

const PROTECTION = [['purpose_built', 'purpose-built'], ['basement', 'basement'], ['underground', 'underground (metro, car park)'], ['bunker', 'bunker'], ['other', 'other']];

/** A shelter's capacity, protection and access with a save button (the nodes to append). */
export function shelterPanel(f, saved) {
  const s = f.properties.shelter || {};
  const capacity = el('input', { id: 'shelter-capacity', 'data-field': 'shelter.capacity_persons', type: 'number', min: 1, max: 100000, step: 1, value: s.capacity_persons ?? '' });
  const protection = el('select', { id: 'shelter-protection', 'data-field': 'shelter.protection' },
    PROTECTION.map(([v, t]) => el('option', { value: v }, t)));
  protection.value = s.protection || 'other';
  const access = el('input', { id: 'shelter-access', 'data-field': 'shelter.access', value: s.access || '' });
  const errs = el('ul', { class: 'errors' });
  const save = async (ev) => {
    try {
      await put(f, { type: f.properties.type, shelter: { capacity_persons: numberOf(capacity), protection: protection.value, access: access.value.trim() || undefined } });
      flash(`${f.id}: shelter saved`, true);
      refreshRecords();
      saved();
    } catch (e) { flash(`${f.id} not saved: ${problemText(e)}`); showErrors(errs, e, ev.target.parentElement); }
  };
  return [el('h3', {}, 'Shelter'), el('label', {}, 'Capacity, persons ', capacity), el('label', {}, 'Protection ', protection),
    el('label', {}, 'Access ', access), el('button', { type: 'button', id: 'shelter-save', onclick: save }, 'Save the shelter'), errs];
}

/** The as-laid minefield form and its save button: `{form, nodes}`. */
export function asLaidPanel(f, saved) {
  const mf = minefieldForm(el, f.properties.minefield, f.geometry);
  const save = async () => {
    try {
      await put(f, { type: f.properties.type, minefield: mf.read() });
      flash(`${f.id}: as-laid record saved`, true);
      saved();
    } catch (e) {
      flash(`${f.id} not saved: ${problemText(e)}`);
      mf.errors(fieldErrors(e).length ? fieldErrors(e) : [{ field: null, message: problemText(e) }]);
    }
  };
  return { form: mf, nodes: [mf.form, el('button', { type: 'button', id: 'minefield-save', onclick: save }, 'Save the as-laid record'), el('ul', { class: 'errors' })] };
}
