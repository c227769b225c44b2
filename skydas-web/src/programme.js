// The programme: cost by year and category, the clearance liability, and the delay bought per
// euro by the newest finished job.
import { api } from './api.js';
import { $, el, problemText } from './dom.js';
import { eur } from './results.js';

export async function programme() {
  const box = $('#programme');
  try {
    const p = await api('GET', '/api/programme');
    if (!p.records) {
      box.replaceChildren(el('p', { class: 'hint' }, 'No costed records yet.'));
      return;
    }
    const js = await api('GET', '/api/jobs');
    const last = js.jobs.find((j) => j.state === 'succeeded' && j.result && j.result.cases);
    box.replaceChildren(
      el('p', {}, `${p.records} records, ${eur(p.total_cost_eur)}; clearance liability ${eur(p.clearance_liability_eur)}`),
      upkeep(p.recurring),
      perEuro(last),
      chart(p.years),
      el('table', {}, el('tr', {}, el('th', {}, 'year'), el('th', {}, 'category'), el('th', {}, 'count'), el('th', {}, 'cost')),
        p.years.flatMap((y) => Object.entries(y.categories).map(([c, v]) => el('tr', {}, el('td', {}, y.year), el('td', {}, c), el('td', {}, v.count), el('td', {}, eur(v.cost_eur)))))),
    );
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error' }, problemText(e)));
  }
}

// Articles 5 and 10: the minefields in the ground cost their inspections and repairs every year
function upkeep(r) {
  if (!r || !r.minefields_in_the_ground) {
    return el('p', { class: 'hint' }, 'No minefield in the ground: no upkeep yet.');
  }
  const late = r.overdue_inspections ? `, ${r.overdue_inspections} inspection(s) overdue` : '';
  return el('p', { class: r.overdue_inspections ? 'error' : '' },
    `Upkeep of ${r.minefields_in_the_ground} minefield(s) in the ground: ${eur(r.upkeep_eur_per_year)} a year `
    + `(inspections every ${r.inspection_every_days} days, marking and fencing repair)${late}`);
}

function chart(years) {
  const max = Math.max(...years.map((y) => y.cost_eur), 1);
  return el('div', { class: 'chart', role: 'img', 'aria-label': 'cost by programme year' },
    years.map((y) => el('div', { class: 'row' }, el('span', {}, `year ${y.year}`), el('div', { class: 'bar', style: `width:${(100 * y.cost_eur) / max}%` }), el('span', {}, eur(y.cost_eur)))));
}

/** Delay per objective and case per EUR 100 m of the job's plan (empty without a costed job). */
function perEuro(last) {
  const box = el('div', {});
  if (!last || !(last.result.cost_eur > 0)) return box;
  const t = el('table', {}, el('tr', {}, el('th', {}, 'objective'), el('th', {}, 'case'), el('th', {}, 'delay h'), el('th', {}, 'h per EUR 100 m')));
  for (const c of last.result.cases) {
    for (const o of Object.values(c.objectives)) {
      if (o.delay_h === null || o.delay_h === undefined) continue;
      t.append(el('tr', {}, el('td', {}, o.name), el('td', {}, `${c.class} ${c.season}`), el('td', {}, o.delay_h.toFixed(2)), el('td', {}, ((o.delay_h / last.result.cost_eur) * 1e8).toFixed(3))));
    }
  }
  box.append(el('h3', {}, `Delay bought per euro (newest ${last.type}, ${eur(last.result.cost_eur)})`), t);
  return box;
}
