// Adding an obstacle, a sensor site or a civil-protection shelter: choose a type from the
// catalogs, give an id (for a sensor optionally its mast height and azimuth, for a shelter its
// capacity, protection and access), draw it on the map; the server stores it as planned or answers
// with the fields that are wrong, shown beside their inputs.
import { api } from './api.js';
import { $, el, flash, problemText } from './dom.js';
import { showErrors } from './errors.js';
import { startDraw } from './map.js';
import { state, refreshRecords } from './state.js';
import { showRecord } from './record.js';

/** The registry's own shelter type: a point with a capacity (not in the obstacle catalogs). */
export const SHELTER_TYPE = { id: 'shelter', name: 'Shelter (civil protection)', geometry: 'point', kind: 'shelter' };

/** Fills the type list from the server's catalogs: obstacles, sensor, EW and C-UAS sites, shelters. */
export function catalogChoices(obstacles, sensors = []) {
  const option = (t) => el('option', { value: t.id }, `${t.name} (${t.geometry})`);
  $('#draw-type').replaceChildren(
    el('optgroup', { label: 'Obstacles' }, obstacles.map(option)),
    el('optgroup', { label: 'Sensor, EW and counter-drone sites' }, sensors.map(option)),
    el('optgroup', { label: 'Civil protection' }, [option(SHELTER_TYPE)]));
  fieldsFor($('#draw-type').value);
}

/** Shows the inputs the chosen type takes: a shelter's capacity and protection, a site's siting. */
function fieldsFor(typeId) {
  const shelter = typeId === SHELTER_TYPE.id;
  $('#draw-shelter').hidden = !shelter;
  for (const id of ['#draw-year', '#draw-height', '#draw-azimuth']) $(id).parentElement.hidden = shelter;
}

/** A number input's value, or undefined when empty. */
const number = (sel) => ($(sel).value.trim() === '' ? undefined : Number($(sel).value));

export function initDraw() {
  $('#draw-type').addEventListener('change', () => fieldsFor($('#draw-type').value));
  $('#draw-start').addEventListener('click', () => {
    const type = state.catalog.find((t) => t.id === $('#draw-type').value);
    const id = $('#draw-id').value.trim();
    showErrors($('#draw-errors'), null);
    if (!type) return flash('choose an obstacle or sensor type');
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(id)) return flash('give an id: letters, digits, . _ : -');
    $('#draw-hint').textContent = type.geometry === 'point' ? 'Click the map to place it.' : 'Click to add vertices; double-click to finish.';
    $('#draw-start').disabled = true;
    state.drawing = true;
    startDraw(state.ui.map, type.geometry, (geometry) => drawn(type, id, geometry));
  });
}

async function drawn(type, id, geometry) {
  // the map's single-click of the click that ended the drawing comes 250 ms later (later still
  // on a busy machine): select() drops every click that began before this moment
  state.drawEndedAt = performance.now();
  state.drawing = false;
  $('#draw-start').disabled = false;
  $('#draw-hint').textContent = '';
  const props = type.id === SHELTER_TYPE.id
    ? {
      type: type.id,
      name: $('#draw-name').value.trim() || undefined,
      shelter: {
        capacity_persons: number('#draw-capacity'),
        protection: $('#draw-protection').value,
        access: $('#draw-access').value.trim() || undefined,
      },
    }
    : {
      type: type.id,
      name: $('#draw-name').value.trim() || undefined,
      year: Number($('#draw-year').value) || undefined,
      height_m: number('#draw-height'),
      azimuth_deg: number('#draw-azimuth'),
    };
  try {
    await api('POST', '/api/records', { type: 'Feature', id, properties: props, geometry });
    flash(`${id} added to the registry as planned`, true);
    $('#draw-id').value = '';
    refreshRecords();
    showRecord(id);
  } catch (e) {
    flash(`${id} not added: ${problemText(e)}`);
    showErrors($('#draw-errors'), e, $('#draw'));
  }
}
