// Background jobs: run an assessment, an emplacement or an optimisation, follow a job to its end, show its result,
// import an optimised plan, and the list of jobs with two to compare.
import { api, allRecords } from './api.js';
import { $, el, flash, problemText } from './dom.js';
import { loadAssessment } from './map.js';
import { state, may, refreshRecords } from './state.js';
import { compare, resultTable } from './results.js';
import { haveIsochrones, isochroneChoices } from './isochrones.js';

const choice = (sel) => ($(sel).value ? [$(sel).value] : []);

export function initJobs() {
  $('#assess-run').addEventListener('click', () => run($('#assess-status'), async () => api('POST', '/api/jobs/assess', {
    plan: await registryPlan(), classes: choice('#assess-classes'), seasons: choice('#assess-seasons'),
  })));
  $('#emp-run').addEventListener('click', () => run($('#emp-status'), async () => api('POST', '/api/jobs/emplace', {
    plan: await registryPlan(),
    in_place: await inGround(),
    depots: await registryDepots(),
    warning_h: Number($('#emp-warning').value),
    curve_h: [0, 12, 24, 48, 72],
    classes: choice('#assess-classes'),
    seasons: choice('#assess-seasons'),
  })));
  $('#opt-run').addEventListener('click', () => run($('#opt-status'), () => api('POST', '/api/jobs/optimize', {
    budget_eur: Number($('#opt-budget').value) * 1e6,
    years: Number($('#opt-years').value),
    time_limit_s: Number($('#opt-time').value),
    classes: choice('#assess-classes'),
    seasons: choice('#assess-seasons'),
  })));
}

/** The registry's standing obstacles and sensor sites as a plan (GeoJSON); depots and shelters are not plan items. */
async function registryPlan() {
  const recs = await allRecords();
  const standing = new Set(state.statuses.filter((s) => s.standing).map((s) => s.id));
  return {
    type: 'FeatureCollection',
    features: recs.features
      .filter((f) => standing.has(f.properties.status) && f.properties.kind !== 'depot' && f.properties.kind !== 'shelter')
      .map((f) => ({ type: 'Feature', id: f.id, properties: siting(f.properties), geometry: f.geometry })),
  };
}

/**
 * The registry's depots in service (prepared or stocked) with their stock, replacing the shipped ones;
 * null when there are none (the shipped depots then; the result names the forces used).
 */
async function registryDepots() {
  const recs = await allRecords('kind=depot');
  const inService = new Set(['prepared', 'stocked']);
  const depots = recs.features.filter((f) => f.properties.kind === 'depot' && inService.has(f.properties.status));
  return depots.length === 0 ? null : { type: 'FeatureCollection', features: depots };
}

/** Ids of the plan's records in the ground already (laid, executed, emplaced …). */
async function inGround() {
  const recs = await allRecords();
  const ground = new Set(state.statuses.filter((s) => s.in_ground && s.standing).map((s) => s.id));
  return recs.features
    .filter((f) => ground.has(f.properties.status) && f.properties.kind !== 'depot' && f.properties.kind !== 'shelter')
    .map((f) => String(f.id));
}

/** A record's plan-file properties: type, name, year, and a sensor site's height and azimuth. */
function siting(p) {
  const out = { type: p.type, name: p.name, year: p.year };
  if (p.height_m != null) out.height_m = p.height_m;
  if (p.azimuth_deg != null) out.azimuth_deg = p.azimuth_deg;
  return out;
}

/** Starts a job with `submit` and follows it in `out`. */
async function run(out, submit) {
  try {
    const job = await submit();
    out.replaceChildren(el('p', {}, 'Queued…'));
    watch(job.id, out);
  } catch (e) {
    out.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

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

/** Polls a job every second until it ends, then shows its result in `out`. */
function watch(id, out) {
  const tick = async () => {
    let j;
    try { j = await api('GET', `/api/jobs/${id}/status`); } catch (e) { out.replaceChildren(el('p', { class: 'error' }, problemText(e))); return; }
    const line = jobLine(j);
    if (j.state === 'running' || j.state === 'queued') {
      line.append(el('button', { type: 'button', class: 'secondary', onclick: () => cancel(id) }, 'Cancel'));
      out.replaceChildren(line);
      setTimeout(tick, 1000);
      return;
    }
    out.replaceChildren(line);
    if (j.state === 'succeeded' && j.result) finished(j, out);
  };
  tick();
}

async function cancel(id) {
  try { await api('POST', `/api/jobs/${id}/cancel`, {}); } catch (e) { flash(problemText(e)); }
}

async function finished(j, out) {
  // the files the job lists (emplace: its report is emplacement.html, its TAK timeline timeline.cot.xml)
  const files = j.result.files || ['report.html'];
  const link = (f) => el('a', { href: `/api/jobs/${j.id}/files/${encodeURIComponent(f)}` }, f);
  out.append(resultTable(j.result), el('p', {}, 'Download: ', files.map((f, i) => [i ? ', ' : '', link(f)])));
  if (j.type === 'optimize' && may('plan')) out.append(el('button', { type: 'button', id: 'opt-import', onclick: () => importPlan(j.id) }, 'Import the plan into the registry'));
  if ((j.type === 'assess' || j.type === 'optimize') && may('run-jobs')) {
    const button = el('button', { type: 'button', class: 'secondary', id: `publish-${j.type}`, onclick: () => publish(j.id, button) },
      'Publish to the shared map');
    out.append(button);
  }
  isochroneChoices(j);
  const n = await loadAssessment(state.ui.layers, j.id);
  flash(`${j.type === 'optimize' ? 'optimisation' : 'assessment'} finished: ${n} avenues on your map (only you see them until published)`, true);
}

/** Makes a finished run's layers the ones every user sees (the owner or an admin may). */
async function publish(id, button) {
  try {
    await api('POST', `/api/jobs/${id}/publish`, {});
    button.disabled = true;
    button.textContent = 'Published to the shared map';
    flash('published: every user now sees this run\'s avenues, warning and civilians', true);
  } catch (e) {
    flash(`not published: ${problemText(e)}`);
  }
}

/** The jobs list (with compare boxes on finished ones); resumes following a running assessment. */
export async function refreshJobs() {
  const box = $('#jobs');
  try {
    const js = await api('GET', '/api/jobs');
    box.replaceChildren(...(js.jobs.length ? js.jobs.map((j) => listed(j, js.jobs)) : [el('p', { class: 'hint' }, 'No jobs yet. Run an assessment from the map view.')]));
    if (!haveIsochrones()) isochroneChoices(js.jobs.find((j) => j.state === 'succeeded' && j.result && j.result.isochrones));
    const live = js.jobs.find((j) => j.type === 'assess' && (j.state === 'running' || j.state === 'queued'));
    if (live && !$('#assess-status').hasChildNodes()) watch(live.id, $('#assess-status'));
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

function listed(j, jobs) {
  const line = jobLine(j);
  if (j.state === 'interrupted' && may('run-jobs')) {
    // a restart stopped it: the same parameters, run again
    line.append(el('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api('POST', `/api/jobs/${j.id}/rerun`, {});
        flash(`${j.type} job started again`, true);
        refreshJobs();
      } catch (e) { flash(`not started: ${problemText(e)}`); }
    } }, 'Run again'));
  }
  if (j.state === 'succeeded' && j.result && j.result.cases) {
    const tick = el('input', { type: 'checkbox', 'data-compare': j.id, 'aria-label': `compare ${j.type} ${j.submitted_at}` });
    tick.addEventListener('change', () => compare(jobs));
    line.prepend(tick);
    line.append(el('span', { class: 'hint' }, ` ${j.submitted_at.replace('T', ' ').slice(0, 19)}`));
  }
  return line;
}
