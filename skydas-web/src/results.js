// Tables of finished jobs: one job's delays per objective and case, and two jobs side by side.
import { $, el } from './dom.js';

export const eur = (v) => `EUR ${Math.round(v).toLocaleString('lt-LT')}`;
const hours = (v) => (v === null || v === undefined ? '–' : v.toFixed(2));

/** A job's result: obstacles, cost, violations and, per case and objective, the delays. */
export function resultTable(r) {
  const t = el('table', { class: 'result' }, el('tr', {}, el('th', {}, 'objective'), el('th', {}, 'case'), el('th', {}, 'baseline h'), el('th', {}, 'plan h'), el('th', {}, 'delay h')));
  for (const c of r.cases) {
    for (const o of Object.values(c.objectives)) {
      const inPlace = c.in_place === undefined ? '' : ` (${c.in_place}/${c.on_warning} in place)`;
      t.append(el('tr', {}, el('td', {}, o.name), el('td', {}, `${c.class} ${c.season}${inPlace}`), el('td', {}, hours(o.baseline_h)), el('td', {}, hours(o.plan_h)), el('td', {}, hours(o.delay_h))));
    }
  }
  const at = r.warning_h === undefined ? '' : `At ${r.warning_h} h of warning: `;
  const depots = r.depots === undefined ? '' : `; depots (${r.depots_from}): ${r.depots.join(', ')}`;
  // the civilians of an assessment: exposure, people near mines, evacuation, shelter places
  const civilians = (r.civilians || []).map((line) => el('li', {}, line));
  const civ = civilians.length === 0 ? '' : el('div', { class: 'civilians' }, el('h4', {}, 'Civilians'), el('ul', {}, ...civilians));
  return el('div', {}, el('p', {}, `${at}${r.obstacles} obstacles, EUR ${Math.round(r.cost_eur).toLocaleString('lt-LT')}, ${r.violations} humanitarian violation(s)${depots}`), civ, t);
}

/** Compares the two ticked jobs of `jobs` in #compare (or asks for exactly two). */
export function compare(jobs) {
  const ids = [...document.querySelectorAll('[data-compare]:checked')].map((x) => x.dataset.compare);
  const box = $('#compare');
  if (ids.length !== 2) { box.replaceChildren(ids.length > 2 ? el('p', { class: 'hint' }, 'Tick exactly two.') : ''); return; }
  const [a, b] = ids.map((id) => jobs.find((j) => j.id === id));
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
      if (ob) t.append(row(`delay to ${o.name}, ${ca.class} ${ca.season} (h)`, hours(o.delay_h), hours(ob.delay_h)));
    }
  }
  box.replaceChildren(el('h3', {}, 'Comparison'), t);
}
