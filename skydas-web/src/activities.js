// A record's activities: the list, and a form for the kinds of activity the server allows the
// caller on this record (allowed_activities), with the fields each kind needs.
import { api } from './api.js';
import { el, flash, problemText, words } from './dom.js';
import { showErrors } from './errors.js';
import { state } from './state.js';

/** The activities block of a record's panel; `saved` reloads the record. */
export function activitiesPanel(f, saved) {
  const box = el('div', { id: 'activities' });
  const list = el('ul', { id: 'activity-list' });
  box.append(el('h3', {}, 'Activities'), list);
  const kinds = state.activityKinds.filter((k) => f.allowed_activities.includes(k.id));
  if (kinds.length) box.append(...activityForm(f, kinds, saved));
  api('GET', `/api/records/${encodeURIComponent(f.id)}/activities`).then((r) => {
    list.replaceChildren(...(r.activities.length ? r.activities.map(activityLine) : [el('li', { class: 'hint' }, 'none')]));
  }).catch(() => {});
  return box;
}

function activityLine(a) {
  const data = Object.entries(a.data).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return el('li', {}, `${a.at.slice(0, 10)} ${words(a.kind)} by ${a.actor}: ${data}`);
}

function placeholder(kind, field) {
  if (field.includes('date')) return '2027-05-03';
  if (field === 'devices_found') return 'per device: category, lon, lat, depth cm, condition, disposal; devices separated by ; (empty: none)';
  if (field === 'method' && kind === 'land_release') return 'cancelled, reduced or cleared';
  if (field === 'survey') return 'non_technical or technical';
  if (field === 'outcome') return 'confirmed, cancelled (non-technical) or reduced (technical)';
  if (field === 'evidence') return 'what it rests on: informants, records, lanes searched, devices found';
  return '';
}

function activityForm(f, kinds, saved) {
  const kindSel = el('select', { id: 'activity-kind' }, kinds.map((k) => el('option', { value: k.id }, words(k.id))));
  const fields = el('div', { class: 'activity-fields' });
  const errs = el('ul', { class: 'errors' });
  const renderFields = () => {
    const k = kinds.find((x) => x.id === kindSel.value);
    // a release by survey (cancelled, reduced) needs its evidence too
    const names = k.id === 'land_release' ? [...k.fields, 'evidence'] : k.fields;
    fields.replaceChildren(...names.map((name) => el('label', {}, words(name), el('input', { 'data-field': name, placeholder: placeholder(k.id, name) }))));
  };
  kindSel.addEventListener('change', renderFields);
  renderFields();
  const save = async () => {
    const body = { kind: kindSel.value, data: readFields(fields) };
    if (kindSel.value === 'land_release' || kindSel.value === 'survey') body.geometry = toWkt(f.geometry);
    try {
      await api('POST', `/api/records/${encodeURIComponent(f.id)}/activities`, body);
      flash(`${f.id}: ${words(kindSel.value)} recorded`, true);
      saved();
    } catch (e) { flash(`${f.id}: ${problemText(e)}`); showErrors(errs, e, fields); }
  };
  return [el('h3', {}, 'Record an activity'), el('label', {}, 'Kind ', kindSel), fields,
    el('button', { type: 'button', id: 'activity-save', onclick: save }, 'Record'), errs];
}

function readFields(fields) {
  const data = {};
  for (const i of fields.querySelectorAll('[data-field]')) {
    const v = i.value.trim();
    if (i.dataset.field === 'devices_found') data.devices_found = v ? v.split(';').filter((d) => d.trim()).map(device) : [];
    else if (i.dataset.field === 'clearance_depth_cm') data.clearance_depth_cm = v === '' ? null : Number(v);
    else data[i.dataset.field] = v === '' ? null : v;
  }
  return data;
}

/** One device found (GICHD MDR): "AT, 24.6001, 55.6002, 15, intact, destroyed_in_situ". */
function device(text) {
  const [category, lon, lat, depth, condition, disposal] = text.split(',').map((x) => x.trim());
  const num = (x) => (x === undefined || x === '' ? null : Number(x));
  return { category: category || null, lon: num(lon), lat: num(lat), depth_cm: num(depth), condition: condition || null, disposal: disposal || null };
}

function toWkt(g) {
  const ring = (r) => `(${r.map((c) => `${c[0]} ${c[1]}`).join(', ')})`;
  if (g.type === 'Polygon') return `POLYGON (${g.coordinates.map(ring).join(', ')})`;
  if (g.type === 'MultiPolygon') return `MULTIPOLYGON (${g.coordinates.map((p) => `(${p.map(ring).join(', ')})`).join(', ')})`;
  if (g.type === 'LineString') return `LINESTRING ${ring(g.coordinates)}`;
  if (g.type === 'Point') return `POINT (${g.coordinates[0]} ${g.coordinates[1]})`;
  return null;
}
