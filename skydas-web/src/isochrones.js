// The isochrone overlay: the cases of the newest job with isochrone images, one shown at a time.
import { $, el } from './dom.js';
import { showIsochrone } from './map.js';
import { state } from './state.js';

let isoJob = null;

/** Whether a job's isochrones are already offered. */
export const haveIsochrones = () => isoJob !== null;

/** Offers the job's isochrone cases and shows the first. */
export function isochroneChoices(job) {
  if (!job || !job.result || !job.result.isochrones || !job.result.isochrones.length) return;
  isoJob = job;
  const sel = $('#iso-case');
  sel.replaceChildren(el('option', { value: '' }, 'none'), ...job.result.isochrones.map((i) => el('option', { value: i.case }, `${i.case.replace('-', ', ')} (${job.type})`)));
  sel.value = job.result.isochrones[0].case;
  sel.dispatchEvent(new Event('change'));
}

export function initIsochrones() {
  $('#iso-case').addEventListener('change', () => {
    const v = $('#iso-case').value;
    const iso = isoJob && isoJob.result.isochrones.find((i) => i.case === v);
    showIsochrone(state.ui.layers, iso ? isoJob.id : null, iso);
    $('#iso-legend').hidden = !iso;
  });
}
