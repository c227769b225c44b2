// The Skydas web UI: log in, the map with the region and the registry, drawing obstacles and sensor sites,
// assessments as background jobs, record details with what the server offers the caller, the
// registry list, the programme and the jobs list. This module only wires the views together; the
// server checks every write again.
import { api } from './api.js';
import { $, el, flash, problemText } from './dom.js';
import { createMap, loadAssessment } from './map.js';
import { state } from './state.js';
import { initTabs, onShow } from './tabs.js';
import { admit, startSession } from './session.js';
import { showRecord } from './record.js';
import { SHELTER_TYPE, catalogChoices, initDraw } from './draw.js';
import { initRegistry, registryList, statusChoices } from './registry.js';
import { programme } from './programme.js';
import { initJobs, refreshJobs } from './jobs.js';
import { initIsochrones } from './isochrones.js';

async function enter(m) {
  admit(m);
  if (!state.ui) {
    state.ui = createMap('map', (e) => flash(`could not load ${e.message}`));
    state.ui.map.on('singleclick', select);
    layerToggles();
    loadAssessment(state.ui.layers);
  }
  try {
    state.activityKinds = (await api('GET', '/api/activity-kinds')).kinds;
  } catch { state.activityKinds = []; }
  try {
    state.statuses = (await api('GET', '/api/statuses')).statuses;
    statusChoices(state.statuses);
  } catch { state.statuses = []; }
  try {
    const c = await api('GET', '/api/catalog');
    const sensors = c.sensor_types || [];
    state.catalog = [...c.types, ...sensors, SHELTER_TYPE];
    catalogChoices(c.types, sensors);
  } catch (e) { flash(problemText(e)); }
  refreshJobs();
}

function layerToggles() {
  const fs = $('#layers');
  const all = Object.values(state.ui.layers);
  for (const [id, layer] of Object.entries(state.ui.layers)) {
    if (layer.get('follows')) continue; // toggled with the layer it follows
    const box = el('input', { type: 'checkbox', id: `layer-${id}` });
    box.checked = layer.getVisible();
    box.addEventListener('change', () => {
      layer.setVisible(box.checked);
      for (const l of all) if (l.get('follows') === id) l.setVisible(box.checked);
    });
    fs.append(el('label', { for: `layer-${id}` }, box, layer.get('title')));
  }
}

/** A click on the map: a registry record opens its panel, other features list their properties. */
function select(ev) {
  // the click belonged to the drawing (its pointer went down before the drawing ended)
  if (state.drawing || (ev.originalEvent && ev.originalEvent.timeStamp <= state.drawEndedAt)) return;
  let hit = null;
  state.ui.map.forEachFeatureAtPixel(ev.pixel, (f, layer) => { if (!hit && layer) hit = { f, layer }; return !!hit; }, { hitTolerance: 4 });
  if (!hit) return;
  const c = hit.f.get('_collection');
  if (c === 'obstacles' || c === 'minefields' || c === 'sensors') showRecord(hit.f.getId());
  else showProperties(hit.layer.get('title'), hit.f.getProperties());
}

function showProperties(title, props) {
  const rows = Object.entries(props).filter(([k, v]) => k !== 'geometry' && !k.startsWith('_') && v !== null && typeof v !== 'object');
  $('#feature').replaceChildren(el('h3', {}, title), el('table', {}, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
}

initTabs();
onShow('registry', registryList);
onShow('programme', programme);
onShow('jobs', refreshJobs);
initRegistry();
initDraw();
initJobs();
initIsochrones();
startSession(enter);
