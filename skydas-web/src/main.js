// The Skydas web UI: log in, the map with the region and the registry, drawing obstacles,
// assessments as background jobs, record details with the lifecycle actions the role may take,
// the registry list, the programme and the jobs list. The server checks every write again.
import { api, setCsrf, Problem } from './api.js';
import { createMap, editGeometry, loadAvenues, showIsochrone, startDraw } from './map.js';
import { minefieldForm } from './minefield.js';

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') e.addEventListener('click', v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) e.append(k instanceof Node ? k : document.createTextNode(String(k ?? '')));
  return e;
};

let me = null;
let activityKinds = [];
let ui = null;
let catalog = [];

function flash(msg, good = false) {
  const f = $('#flash');
  f.textContent = msg;
  f.className = msg ? (good ? 'good' : 'bad') : '';
  if (good && msg) setTimeout(() => { if (f.textContent === msg) flash(''); }, 6000);
}

function problemText(e) {
  if (e instanceof Problem) return e.message;
  return String(e && e.message ? e.message : e);
}

function errorList(ul, e, form) {
  ul.replaceChildren();
  const errs = e instanceof Problem && Array.isArray(e.problem.errors) ? e.problem.errors : [];
  for (const x of errs) ul.append(el('li', {}, x));
  // field-level: mark each input whose field an error names ("…: name: too long")
  if (form) {
    for (const input of form.querySelectorAll('[data-field]')) {
      const f = input.dataset.field;
      const mine = errs.filter((x) => new RegExp(`(^|[:(] )${f}( |:)`).test(x) || x.includes(`): ${f}:`));
      input.setAttribute('aria-invalid', mine.length ? 'true' : 'false');
      let msg = input.parentElement.querySelector('.field-error');
      if (!msg) { msg = el('span', { class: 'field-error error' }); input.after(msg); }
      msg.textContent = mine.map((x) => x.slice(x.indexOf(`${f}:`) >= 0 ? x.indexOf(`${f}:`) + f.length + 1 : 0).trim()).join('; ');
    }
  }
}

// ---- session ----

async function start() {
  try {
    const m = await api('GET', '/api/me');
    enter(m);
  } catch {
    $('#login').hidden = false;
    $('#login [name=username]').focus();
  }
}

$('#login').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = new FormData(ev.target);
  $('#login-error').textContent = '';
  try {
    const m = await api('POST', '/api/login', { username: f.get('username'), password: f.get('password') });
    ev.target.reset();
    enter(m);
  } catch (e) {
    $('#login-error').textContent = problemText(e);
  }
});

$('#logout').addEventListener('click', async () => {
  try { await api('POST', '/api/logout'); } catch { /* the session may already be gone */ }
  location.reload();
});

function may(what) {
  return me && me.may.includes(what);
}

async function enter(m) {
  me = m;
  setCsrf(m.csrf_token);
  $('#login').hidden = true;
  $('#app').hidden = false;
  $('#tabs').hidden = false;
  $('#who').hidden = false;
  $('#who-name').textContent = `${m.username} (${m.role})`;
  document.querySelectorAll('.needs-plan').forEach((x) => { x.hidden = !may('plan'); });
  document.querySelectorAll('.needs-jobs').forEach((x) => { x.hidden = !may('run-jobs'); });
  if (!ui) {
    ui = createMap('map', (e) => flash(`could not load ${e.message}`));
    ui.map.on('singleclick', (ev) => select(ev));
    layerToggles();
    loadAvenues(ui.layers.avenues).catch(() => {});
  }
  try {
    activityKinds = (await api('GET', '/api/activity-kinds')).kinds;
  } catch { activityKinds = []; }
  try {
    catalog = (await api('GET', '/api/catalog')).types;
    const sel = $('#draw-type');
    sel.replaceChildren(...catalog.map((t) => el('option', { value: t.id }, `${t.name} (${t.geometry})`)));
  } catch (e) { flash(problemText(e)); }
  const st = $('#reg-status');
  if (st.options.length === 1) {
    for (const s of ['planned', 'approved', 'under_construction', 'emplaced', 'breached', 'damaged', 'clearance_in_progress', 'cleared', 'land_released']) st.append(el('option', { value: s }, s.replaceAll('_', ' ')));
  }
  refreshJobs();
}

// ---- tabs ----

document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => show(b.dataset.tab)));

function show(tab) {
  document.querySelectorAll('#tabs button').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
  document.querySelectorAll('#panel > section').forEach((s) => { s.hidden = s.dataset.view !== tab; });
  if (tab === 'registry') registryList();
  if (tab === 'programme') programme();
  if (tab === 'jobs') refreshJobs();
}

function layerToggles() {
  const fs = $('#layers');
  for (const [id, layer] of Object.entries(ui.layers)) {
    const box = el('input', { type: 'checkbox', id: `layer-${id}` });
    box.checked = layer.getVisible();
    box.addEventListener('change', () => layer.setVisible(box.checked));
    fs.append(el('label', { for: `layer-${id}` }, box, layer.get('title')));
  }
}

// ---- features and records ----

let drawing = false;

function select(ev) {
  if (drawing) return; // the click belonged to the drawing
  let hit = null;
  ui.map.forEachFeatureAtPixel(ev.pixel, (f, layer) => { if (!hit && layer) hit = { f, layer }; return !!hit; }, { hitTolerance: 4 });
  if (!hit) return;
  const c = hit.f.get('_collection');
  if (c === 'obstacles' || c === 'minefields') showRecord(hit.f.getId());
  else showProperties(hit.layer.get('title'), hit.f.getProperties());
}

function showProperties(title, props) {
  const rows = Object.entries(props).filter(([k, v]) => k !== 'geometry' && !k.startsWith('_') && v !== null && typeof v !== 'object');
  $('#feature').replaceChildren(el('h3', {}, title), el('table', {}, rows.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))));
}

let currentMinefieldForm = null;

async function showRecord(id) {
  currentMinefieldForm = null;
  const box = $('#feature');
  box.replaceChildren(el('p', { class: 'hint' }, `Loading ${id}…`));
  try {
    const f = await api('GET', `/api/records/${encodeURIComponent(id)}`);
    const p = f.properties;
    const rows = ['type', 'name', 'status', 'year', 'marked', 'fenced', 'monitored', 'version', 'updated_at'].filter((k) => p[k] !== undefined);
    const actions = el('div', { class: 'actions' });
    for (const a of f.actions) {
      actions.append(el('button', { type: 'button', 'data-action': a, onclick: () => act(id, a, p.version) }, a.replaceAll('_', ' ')));
    }
    if (!f.actions.length) actions.append(el('p', { class: 'hint' }, `No lifecycle action for a ${me.role} on a ${p.status.replaceAll('_', ' ')} record.`));
    const hist = el('ol', {});
    const edit = el('div', { id: 'record-edit' });
    if (may('plan') && p.status === 'planned') {
      const name = el('input', { 'data-field': 'name', value: p.name || '' });
      const year = el('input', { 'data-field': 'year', type: 'number', min: 1, max: 30, value: p.year || 1 });
      const errs = el('ul', { class: 'errors' });
      edit.append(el('h3', {}, 'Edit'), el('label', {}, 'Name ', name), el('label', {}, 'Year ', year),
        el('button', { type: 'button', id: 'record-save', onclick: async () => {
          const props = { ...p, name: name.value.trim() || undefined, year: Number(year.value) || undefined };
          try {
            await api('PUT', `/api/records/${encodeURIComponent(id)}`, { type: 'Feature', id, version: p.version, properties: { type: props.type, name: props.name, year: props.year, notes: props.notes }, geometry: f.geometry });
            flash(`${id} saved`, true);
            showRecord(id);
          } catch (e) { flash(`${id} not saved: ${problemText(e)}`); errorList(errs, e, edit); }
        } }, 'Save'), errs);
      let editing = null;
      const geomButton = el('button', { type: 'button', class: 'secondary', id: 'geometry-edit', onclick: async () => {
        if (!editing) {
          editing = editGeometry(ui.map, f.geometry);
          drawing = true; // map clicks now edit, not select
          geomButton.textContent = 'Save the geometry';
          return;
        }
        const g = editing.read();
        editing.stop();
        editing = null;
        drawing = false;
        try {
          await api('PUT', `/api/records/${encodeURIComponent(id)}`, { type: 'Feature', id, version: p.version, properties: { type: p.type }, geometry: g });
          flash(`${id}: geometry saved`, true);
          refreshRecords();
          showRecord(id);
        } catch (e) { flash(`${id}: geometry not saved: ${problemText(e)}`); errorList(errs, e, edit); geomButton.textContent = 'Edit the geometry on the map'; }
      } }, 'Edit the geometry on the map');
      edit.append(geomButton);
    }
    if (String(p.type).includes('minefield') && me.role === 'engineer' && p.status === 'under_construction') {
      const mf = minefieldForm(el, p.minefield, f.geometry);
      currentMinefieldForm = mf;
      const errs = el('ul', { class: 'errors' });
      edit.append(mf.form, el('button', { type: 'button', id: 'minefield-save', onclick: async () => {
        try {
          await api('PUT', `/api/records/${encodeURIComponent(id)}`, { type: 'Feature', id, version: p.version, properties: { type: p.type, minefield: mf.read() }, geometry: f.geometry });
          flash(`${id}: as-laid record saved`, true);
          showRecord(id);
        } catch (e) {
          flash(`${id} not saved: ${problemText(e)}`);
          mf.errors(e instanceof Problem && Array.isArray(e.problem.errors) ? e.problem.errors : [problemText(e)]);
        }
      } }, 'Save the as-laid record'), errs);
    }
    const acts = el('div', { id: 'activities' });
    const mine = activityKinds.filter((k) => k.roles.includes(me.role));
    if (mine.length && !['planned', 'approved'].includes(p.status)) {
      const kindSel = el('select', { id: 'activity-kind' }, mine.map((k) => el('option', { value: k.id }, k.id.replaceAll('_', ' '))));
      const fields = el('div', { class: 'activity-fields' });
      const errs = el('ul', { class: 'errors' });
      const renderFields = () => {
        const k = mine.find((x) => x.id === kindSel.value);
        fields.replaceChildren(...k.fields.map((fname) => el('label', {}, fname.replaceAll('_', ' '), el('input', {
          'data-field': fname,
          placeholder: fname.includes('date') ? '2027-05-03' : fname === 'devices_found' ? 'categories, comma separated (empty: none)' : fname === 'method' && k.id === 'land_release' ? 'cancelled, reduced or cleared' : '',
        }))));
      };
      kindSel.addEventListener('change', renderFields);
      renderFields();
      acts.append(el('h3', {}, 'Record an activity'), el('label', {}, 'Kind ', kindSel), fields,
        el('button', { type: 'button', id: 'activity-save', onclick: async () => {
          const data = {};
          for (const i of fields.querySelectorAll('[data-field]')) {
            const v = i.value.trim();
            if (i.dataset.field === 'devices_found') data.devices_found = v ? v.split(',').map((c) => ({ category: c.trim() })) : [];
            else if (i.dataset.field === 'clearance_depth_cm') data.clearance_depth_cm = v === '' ? null : Number(v);
            else data[i.dataset.field] = v === '' ? null : v;
          }
          const body = { kind: kindSel.value, data };
          if (kindSel.value === 'land_release') body.geometry = toWkt(f.geometry);
          try {
            await api('POST', `/api/records/${encodeURIComponent(id)}/activities`, body);
            flash(`${id}: ${kindSel.value.replaceAll('_', ' ')} recorded`, true);
            showRecord(id);
          } catch (e) { flash(`${id}: ${problemText(e)}`); errorList(errs, e, fields); }
        } }, 'Record'), errs);
    }
    const actList = el('ul', { id: 'activity-list' });
    acts.prepend(el('h3', {}, 'Activities'), actList);
    api('GET', `/api/records/${encodeURIComponent(id)}/activities`).then((r) => {
      actList.replaceChildren(...(r.activities.length ? r.activities.map((a) => el('li', {}, `${a.at.slice(0, 10)} ${a.kind.replaceAll('_', ' ')} by ${a.actor}: ${Object.entries(a.data).map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ')}`)) : [el('li', { class: 'hint' }, 'none')]));
    }).catch(() => {});
    box.replaceChildren(
      el('h3', {}, `Record ${id}`),
      el('table', {}, rows.map((k) => el('tr', {}, el('th', {}, k), el('td', {}, p[k])))),
      el('h3', {}, 'Actions'), actions,
      el('ul', { class: 'errors', id: 'record-errors' }),
      edit,
      acts,
      el('h3', {}, 'History'), hist,
    );
    const h = await api('GET', `/api/records/${encodeURIComponent(id)}/history`);
    for (const e of h.events) hist.append(el('li', {}, `${e.at.replace('T', ' ').slice(0, 19)} ${e.actor} (${e.role}): ${e.action}`));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

async function act(id, action, version) {
  try {
    await api('POST', `/api/records/${encodeURIComponent(id)}/actions`, { action, version });
    flash(`${id}: ${action.replaceAll('_', ' ')} recorded`, true);
    refreshRecords();
    showRecord(id);
  } catch (e) {
    flash(`${id}: ${problemText(e)}`);
    const ul = document.getElementById('record-errors');
    if (ul) errorList(ul, e);
    if (currentMinefieldForm && e instanceof Problem && Array.isArray(e.problem.errors)) {
      currentMinefieldForm.errors(e.problem.errors); // beside each field of the as-laid record
    }
  }
}

function refreshRecords() {
  ui.layers.obstacles.getSource().refresh();
  ui.layers.minefields.getSource().refresh();
}

function toWkt(g) {
  const ring = (r) => `(${r.map((c) => `${c[0]} ${c[1]}`).join(', ')})`;
  if (g.type === 'Polygon') return `POLYGON (${g.coordinates.map(ring).join(', ')})`;
  if (g.type === 'MultiPolygon') return `MULTIPOLYGON (${g.coordinates.map((p) => `(${p.map(ring).join(', ')})`).join(', ')})`;
  if (g.type === 'LineString') return `LINESTRING ${ring(g.coordinates)}`;
  if (g.type === 'Point') return `POINT (${g.coordinates[0]} ${g.coordinates[1]})`;
  return null;
}

// ---- drawing ----

$('#draw-start').addEventListener('click', () => {
  const type = catalog.find((t) => t.id === $('#draw-type').value);
  const id = $('#draw-id').value.trim();
  errorList($('#draw-errors'), null);
  if (!type) return flash('choose an obstacle type');
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(id)) return flash('give an id: letters, digits, . _ : -');
  $('#draw-hint').textContent = type.geometry === 'point' ? 'Click the map to place it.' : 'Click to add vertices; double-click to finish.';
  $('#draw-start').disabled = true;
  drawing = true;
  startDraw(ui.map, type.geometry, async (geometry) => {
    setTimeout(() => { drawing = false; }, 600); // after the map's delayed single-click
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
      errorList($('#draw-errors'), e, $('#draw'));
    }
  });
});

// ---- assessment ----

$('#assess-run').addEventListener('click', async () => {
  const out = $('#assess-status');
  try {
    const recs = await api('GET', '/api/records?limit=10000');
    const plan = {
      type: 'FeatureCollection',
      features: recs.features
        .filter((f) => !['cleared', 'land_released'].includes(f.properties.status))
        .map((f) => ({ type: 'Feature', id: f.id, properties: { type: f.properties.type, name: f.properties.name, year: f.properties.year }, geometry: f.geometry })),
    };
    const cls = $('#assess-classes').value;
    const sea = $('#assess-seasons').value;
    const job = await api('POST', '/api/jobs/assess', { plan, classes: cls ? [cls] : [], seasons: sea ? [sea] : [] });
    out.replaceChildren(el('p', {}, 'Queued…'));
    watch(job.id, out);
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
});

$('#opt-run').addEventListener('click', async () => {
  const out = $('#opt-status');
  try {
    const job = await api('POST', '/api/jobs/optimize', {
      budget_eur: Number($('#opt-budget').value) * 1e6,
      years: Number($('#opt-years').value),
      time_limit_s: Number($('#opt-time').value),
      classes: $('#assess-classes').value ? [$('#assess-classes').value] : [],
      seasons: $('#assess-seasons').value ? [$('#assess-seasons').value] : [],
    });
    out.replaceChildren(el('p', {}, 'Queued…'));
    watch(job.id, out);
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
});

async function importPlan(id) {
  try {
    const plan = await api('GET', `/api/jobs/${id}/files/plan.geojson`);
    const made = await api('POST', '/api/records', plan, 'application/geo+json');
    flash(`${made.count} planned records imported from the optimised plan`, true);
    refreshRecords();
  } catch (e) {
    flash(`plan not imported: ${problemText(e)}`);
  }
}

function jobLine(j) {
  const pct = j.fraction >= 0 ? Math.round(j.fraction * 100) : null;
  return el('div', { class: 'job', 'data-job': j.id, 'data-state': j.state },
    el('strong', {}, `${j.type}: ${j.state}`), ` ${j.step || ''}`,
    pct !== null && j.state === 'running' ? el('progress', { max: 100, value: pct }, `${pct} %`) : '',
    j.error ? el('p', { class: 'error' }, j.error) : '');
}

function watch(id, out) {
  const tick = async () => {
    let j;
    try { j = await api('GET', `/api/jobs/${id}/status`); } catch (e) { out.replaceChildren(el('p', { class: 'error' }, problemText(e))); return; }
    const line = jobLine(j);
    if (j.state === 'running' || j.state === 'queued') {
      line.append(el('button', { type: 'button', class: 'secondary', onclick: async () => { try { await api('POST', `/api/jobs/${id}/cancel`, {}); } catch (e) { flash(problemText(e)); } } }, 'Cancel'));
      out.replaceChildren(line);
      setTimeout(tick, 1000);
      return;
    }
    out.replaceChildren(line);
    if (j.state === 'succeeded' && j.result) {
      out.append(resultTable(j.result), el('p', {}, el('a', { href: `/api/jobs/${id}/files/report.html` }, 'Full report (download)')));
      if (j.type === 'optimize' && may('plan')) out.append(el('button', { type: 'button', id: 'opt-import', onclick: () => importPlan(id) }, 'Import the plan into the registry'));
      isochroneChoices(j);
      const n = await loadAvenues(ui.layers.avenues).catch(() => 0);
      flash(`assessment finished: ${n} avenues on the map`, true);
    }
  };
  tick();
}

function resultTable(r) {
  const t = el('table', { class: 'result' }, el('tr', {}, el('th', {}, 'objective'), el('th', {}, 'case'), el('th', {}, 'baseline h'), el('th', {}, 'plan h'), el('th', {}, 'delay h')));
  for (const c of r.cases) {
    for (const o of Object.values(c.objectives)) {
      const f = (v) => (v === null || v === undefined ? '–' : v.toFixed(2));
      t.append(el('tr', {}, el('td', {}, o.name), el('td', {}, `${c.class} ${c.season}`), el('td', {}, f(o.baseline_h)), el('td', {}, f(o.plan_h)), el('td', {}, f(o.delay_h))));
    }
  }
  return el('div', {}, el('p', {}, `${r.obstacles} obstacles, EUR ${Math.round(r.cost_eur).toLocaleString('lt-LT')}, ${r.violations} humanitarian violation(s)`), t);
}

let isoJob = null;

function isochroneChoices(job) {
  if (!job || !job.result || !job.result.isochrones || !job.result.isochrones.length) return;
  isoJob = job;
  const sel = $('#iso-case');
  sel.replaceChildren(el('option', { value: '' }, 'none'), ...job.result.isochrones.map((i) => el('option', { value: i.case }, `${i.case.replace('-', ', ')} (${job.type})`)));
  sel.value = job.result.isochrones[0].case;
  sel.dispatchEvent(new Event('change'));
}

$('#iso-case').addEventListener('change', () => {
  const v = $('#iso-case').value;
  const iso = isoJob && isoJob.result.isochrones.find((i) => i.case === v);
  showIsochrone(ui.layers.isochrones, iso ? `/api/jobs/${isoJob.id}/files/${iso.file}` : null, iso && iso.extent_lks94);
  $('#iso-legend').hidden = !iso;
});

async function refreshJobs() {
  const box = $('#jobs');
  try {
    const js = await api('GET', '/api/jobs');
    box.replaceChildren(...(js.jobs.length ? js.jobs.map((j) => {
      const line = jobLine(j);
      if (j.state === 'succeeded' && j.result && j.result.cases) {
        const box2 = el('input', { type: 'checkbox', 'data-compare': j.id, 'aria-label': `compare ${j.type} ${j.submitted_at}` });
        box2.addEventListener('change', () => compare(js.jobs));
        line.prepend(box2);
        line.append(el('span', { class: 'hint' }, ` ${j.submitted_at.replace('T', ' ').slice(0, 19)}`));
      }
      return line;
    }) : [el('p', { class: 'hint' }, 'No jobs yet. Run an assessment from the map view.')]));
    if (!isoJob) isochroneChoices(js.jobs.find((j) => j.state === 'succeeded' && j.result && j.result.isochrones));
    const live = js.jobs.find((j) => j.type === 'assess' && (j.state === 'running' || j.state === 'queued'));
    if (live && !$('#assess-status').hasChildNodes()) watch(live.id, $('#assess-status'));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

function compare(jobs) {
  const ids = [...document.querySelectorAll('[data-compare]:checked')].map((x) => x.dataset.compare);
  const box = $('#compare');
  if (ids.length !== 2) { box.replaceChildren(ids.length > 2 ? el('p', { class: 'hint' }, 'Tick exactly two.') : ''); return; }
  const [a, b] = ids.map((id) => jobs.find((j) => j.id === id));
  const eur = (v) => `EUR ${Math.round(v).toLocaleString('lt-LT')}`;
  const h = (v) => (v === null || v === undefined ? '–' : v.toFixed(2));
  const row = (label, x, y) => el('tr', {}, el('th', {}, label), el('td', {}, x), el('td', {}, y));
  const t = el('table', { class: 'compare' },
    el('tr', {}, el('th', {}, ''), el('th', {}, `A: ${a.type}`), el('th', {}, `B: ${b.type}`)),
    row('obstacles', a.result.obstacles, b.result.obstacles),
    row('cost', eur(a.result.cost_eur), eur(b.result.cost_eur)),
    row('clearance liability', eur(a.result.clearance_liability_eur || 0), eur(b.result.clearance_liability_eur || 0)),
    row('humanitarian violations', a.result.violations, b.result.violations));
  for (const ca of a.result.cases) {
    const cb = b.result.cases.find((c) => c.class === ca.class && c.season === ca.season);
    if (!cb) continue;
    for (const [oid, o] of Object.entries(ca.objectives)) {
      const ob = cb.objectives[oid];
      if (ob) t.append(row(`delay to ${o.name}, ${ca.class} ${ca.season} (h)`, h(o.delay_h), h(ob.delay_h)));
    }
  }
  box.replaceChildren(el('h3', {}, 'Comparison'), t);
}

// ---- registry list and programme ----

$('#reg-status').addEventListener('change', () => registryList());

async function registryList() {
  const box = $('#reg-list');
  const st = $('#reg-status').value;
  try {
    const fc = await api('GET', `/api/records?limit=1000${st ? `&status=${st}` : ''}`);
    if (!fc.features.length) {
      box.replaceChildren(el('p', { class: 'hint' }, st ? `No ${st.replaceAll('_', ' ')} records.` : 'The registry is empty. Add an obstacle from the map view.'));
      return;
    }
    box.replaceChildren(el('table', {}, el('tr', {}, el('th', {}, 'id'), el('th', {}, 'type'), el('th', {}, 'name'), el('th', {}, 'status')),
      fc.features.map((f) => el('tr', {}, el('td', {}, el('button', { type: 'button', class: 'secondary', onclick: () => { show('map'); showRecord(f.id); } }, f.id)), el('td', {}, f.properties.type), el('td', {}, f.properties.name || ''), el('td', {}, f.properties.status)))));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

async function programme() {
  const box = $('#programme');
  try {
    const p = await api('GET', '/api/programme');
    if (!p.records) {
      box.replaceChildren(el('p', { class: 'hint' }, 'No costed records yet.'));
      return;
    }
    const max = Math.max(...p.years.map((y) => y.cost_eur), 1);
    const eur = (v) => `EUR ${Math.round(v).toLocaleString('lt-LT')}`;
    const js = await api('GET', '/api/jobs');
    const last = js.jobs.find((j) => j.state === 'succeeded' && j.result && j.result.cases);
    const perEuro = el('div', {});
    if (last && last.result.cost_eur > 0) {
      const t = el('table', {}, el('tr', {}, el('th', {}, 'objective'), el('th', {}, 'case'), el('th', {}, 'delay h'), el('th', {}, 'h per EUR 100 m')));
      for (const c of last.result.cases) {
        for (const o of Object.values(c.objectives)) {
          if (o.delay_h === null || o.delay_h === undefined) continue;
          t.append(el('tr', {}, el('td', {}, o.name), el('td', {}, `${c.class} ${c.season}`), el('td', {}, o.delay_h.toFixed(2)), el('td', {}, ((o.delay_h / last.result.cost_eur) * 1e8).toFixed(3))));
        }
      }
      perEuro.append(el('h3', {}, `Delay bought per euro (newest ${last.type}, ${eur(last.result.cost_eur)})`), t);
    }
    box.replaceChildren(
      el('p', {}, `${p.records} records, ${eur(p.total_cost_eur)}; clearance liability ${eur(p.clearance_liability_eur)}`),
      perEuro,
      el('div', { class: 'chart', role: 'img', 'aria-label': 'cost by programme year' },
        p.years.map((y) => el('div', { class: 'row' }, el('span', {}, `year ${y.year}`), el('div', { class: 'bar', style: `width:${(100 * y.cost_eur) / max}%` }), el('span', {}, eur(y.cost_eur))))),
      el('table', {}, el('tr', {}, el('th', {}, 'year'), el('th', {}, 'category'), el('th', {}, 'count'), el('th', {}, 'cost')),
        p.years.flatMap((y) => Object.entries(y.categories).map(([c, v]) => el('tr', {}, el('td', {}, y.year), el('td', {}, c), el('td', {}, v.count), el('td', {}, eur(v.cost_eur)))))),
    );
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

start();
