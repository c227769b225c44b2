// The as-laid minefield record (CCW Amended Protocol II, Technical Annex) as a form: one input per
// field, read from and written to the record's `minefield` object; the server's completeness and
// geometry checks come back as field errors ({field: "minefield.lots[0].model", message}) and are
// shown beside the input of that field; errors of other fields are listed below the form.
const FIELDS = [
  ['reference_points.0.name', 'Reference point 1: name'],
  ['reference_points.0.lon', 'Reference point 1: longitude', 'number'],
  ['reference_points.0.lat', 'Reference point 1: latitude', 'number'],
  ['reference_points.0.description', 'Reference point 1: description'],
  ['reference_points.1.name', 'Reference point 2: name'],
  ['reference_points.1.lon', 'Reference point 2: longitude', 'number'],
  ['reference_points.1.lat', 'Reference point 2: latitude', 'number'],
  ['reference_points.1.description', 'Reference point 2: description'],
  ['rows.0.id', 'Row: id'],
  ['rows.0.mines', 'Row: mines', 'number'],
  ['rows.0.model', 'Row: mine model'],
  ['lots.0.model', 'Mines: model'],
  ['lots.0.category', 'Mines: category', 'select:AT,AP'],
  ['lots.0.count', 'Mines: number', 'number'],
  ['lots.0.fuse_type', 'Mines: fuse type'],
  ['lots.0.fuse_life_d', 'Mines: fuse life (days)', 'number'],
  ['lots.0.detectable', 'Mines: detectable', 'checkbox'],
  ['lots.0.country_of_origin', 'Mines: marking, country of origin'],
  ['lots.0.produced', 'Mines: marking, month of production (YYYY-MM)'],
  ['lots.0.lot_number', 'Mines: marking, lot or serial number'],
  ['emplacing_method', 'Emplacing method', 'select:,hand,mechanical,remotely_delivered'],
  ['laid_from', 'Laid from (UTC, e.g. 2027-05-03T08:00:00Z)'],
  ['laid_to', 'Laid to (UTC)'],
  ['anti_handling.fitted', 'Anti-handling devices fitted', 'checkbox'],
  ['anti_handling.description', 'Anti-handling devices: description'],
  ['self_destruct.fitted', 'Self-destruct fitted', 'checkbox'],
  ['self_destruct.self_destruct_d', 'Self-destructs after (days)', 'number'],
  ['self_destruct.self_deactivation_d', 'Self-deactivates after (days)', 'number'],
  ['self_destruct.self_destruct_reliability', 'Share self-destructing in that time (0–1)', 'number'],
  ['self_destruct.self_deactivation_reliability', 'Share deactivated in that time (0–1)', 'number'],
  ['warning_signs.shape', 'Warning signs: shape'],
  ['warning_signs.count', 'Warning signs: number', 'number'],
  ['warning_signs.spacing_m', 'Warning signs: spacing (m)', 'number'],
  ['warning_signs.languages', 'Warning signs: languages (comma separated)', 'list'],
  ['warning_signs.width_cm', 'Warning signs: width (cm)', 'number'],
  ['warning_signs.height_cm', 'Warning signs: height (cm)', 'number'],
  ['warning_signs.colour', 'Warning signs: colour', 'select:,red,orange'],
  ['fencing.kind', 'Fencing (AP): kind'],
  ['fencing.length_m', 'Fencing: length (m)', 'number'],
  ['monitoring.unit', 'Monitoring (AP): unit'],
  ['monitoring.method', 'Monitoring: method'],
];

function get(o, path) {
  return path.split('.').reduce((x, k) => (x === undefined || x === null ? undefined : x[k]), o);
}

function set(o, path, v) {
  const ks = path.split('.');
  let x = o;
  ks.slice(0, -1).forEach((k, i) => {
    if (x[k] === undefined || x[k] === null) x[k] = /^\d+$/.test(ks[i + 1]) ? [] : {};
    x = x[k];
  });
  x[ks[ks.length - 1]] = v;
}

/**
 * The input of a record field (`minefield.lots[0].model` → the input of `lots.0.model`); a field
 * naming a whole group (`minefield.lots`) goes to the group's first input. Null for fields the form
 * does not hold.
 */
function inputFor(inputs, field) {
  if (!field || !field.startsWith('minefield.')) return null;
  const path = field.slice('minefield.'.length).replace(/\[(\d+)\]/g, '.$1');
  const group = path.replace(/\.\d+/g, '');
  return inputs.find((i) => i.dataset.path === path) || inputs.find((i) => i.dataset.path.replace(/\.\d+/g, '').startsWith(group)) || null;
}

/** The form element; `read()` returns the minefield object, `errors(list)` places messages. */
export function minefieldForm(el, minefield, geometry) {
  const form = el('fieldset', { id: 'minefield-form' }, el('legend', {}, 'As-laid record (CCW APII)'));
  const inputs = [];
  for (const [path, label, kind = 'text'] of FIELDS) {
    let input;
    const v = get(minefield || {}, path);
    if (kind.startsWith('select:')) {
      input = el('select', {}, kind.slice(7).split(',').map((o) => el('option', { value: o }, o || '—')));
      input.value = v ?? '';
    } else if (kind === 'checkbox') {
      input = el('input', { type: 'checkbox' });
      input.checked = v === true;
    } else {
      input = el('input', { type: kind === 'number' ? 'number' : 'text', step: 'any' });
      input.value = v === undefined || v === null ? '' : kind === 'list' ? v.join(', ') : v;
    }
    input.dataset.path = path;
    input.dataset.kind = kind;
    inputs.push(input);
    form.append(el('label', {}, label, input, el('span', { class: 'field-error error', 'data-error-for': path })));
  }
  const other = el('ul', { class: 'errors' });
  form.append(other);
  return {
    form,
    read() {
      const m = JSON.parse(JSON.stringify(minefield || {}));
      for (const i of inputs) {
        const k = i.dataset.kind;
        const raw = k === 'checkbox' ? i.checked : i.value.trim();
        const v = k === 'number' ? (raw === '' ? null : Number(raw)) : k === 'list' ? (raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : []) : raw === '' ? null : raw;
        set(m, i.dataset.path, v);
      }
      // a row's line defaults to the minefield's first edge
      if (m.rows && m.rows[0] && (!m.rows[0].line || !m.rows[0].line.length) && geometry) {
        const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.type === 'LineString' ? geometry.coordinates : null;
        if (ring && ring.length >= 2) m.rows[0].line = [ring[0], ring[1]];
      }
      return m;
    },
    errors(list) {
      form.querySelectorAll('[data-error-for]').forEach((s) => { s.textContent = ''; });
      inputs.forEach((i) => i.setAttribute('aria-invalid', 'false'));
      other.replaceChildren();
      for (const e of list) {
        const target = inputFor(inputs, e.field);
        if (target) {
          target.setAttribute('aria-invalid', 'true');
          const span = form.querySelector(`[data-error-for="${target.dataset.path}"]`);
          span.textContent = (span.textContent ? `${span.textContent}; ` : '') + e.message;
        } else {
          other.append(el('li', {}, [e.field, e.message].filter(Boolean).join(': ')));
        }
      }
    },
  };
}
