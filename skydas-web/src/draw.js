// Adding an obstacle: choose a type from the catalog, give an id, draw it on the map; the server
// stores it as planned or answers with the fields that are wrong, shown beside their inputs.
import { api } from './api.js';
import { $, el, flash, problemText } from './dom.js';
import { showErrors } from './errors.js';
import { startDraw } from './map.js';
import { state, refreshRecords } from './state.js';
import { showRecord } from './record.js';

/** Fills the type list from the server's catalog. */
export function catalogChoices(catalog) {
  $('#draw-type').replaceChildren(...catalog.map((t) => el('option', { value: t.id }, `${t.name} (${t.geometry})`)));
}

export function initDraw() {
  $('#draw-start').addEventListener('click', () => {
    const type = state.catalog.find((t) => t.id === $('#draw-type').value);
    const id = $('#draw-id').value.trim();
    showErrors($('#draw-errors'), null);
    if (!type) return flash('choose an obstacle type');
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(id)) return flash('give an id: letters, digits, . _ : -');
    $('#draw-hint').textContent = type.geometry === 'point' ? 'Click the map to place it.' : 'Click to add vertices; double-click to finish.';
    $('#draw-start').disabled = true;
    state.drawing = true;
    startDraw(state.ui.map, type.geometry, (geometry) => drawn(type, id, geometry));
  });
}

async function drawn(type, id, geometry) {
  setTimeout(() => { state.drawing = false; }, 600); // after the map's delayed single-click
  $('#draw-start').disabled = false;
  $('#draw-hint').textContent = '';
  const props = { type: type.id, name: $('#draw-name').value.trim() || undefined, year: Number($('#draw-year').value) || undefined };
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
