// The one table of map symbols (skydas-registry/.../symbols.tsv) checked against milsymbol, the
// library that draws them in the web map, and against an independent 2525C -> 2525D converter
// (@orbat-mapper/convert-symbology). Run by `node --test` in the Maven test phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ms from 'milsymbol';
import { convertLetterSidc2NumberSidc } from '@orbat-mapper/convert-symbology';

const TABLE = new URL('../../skydas-registry/src/main/resources/lt/skydas/registry/symbols.tsv', import.meta.url);
const lines = readFileSync(TABLE, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
const header = lines[0].split('\t');
const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));

// milsymbol's own names: the comment after each code in its source tables
function names(file, keyPattern) {
  const src = readFileSync(new URL(`../node_modules/milsymbol/src/${file}`, import.meta.url), 'utf8');
  const out = new Map();
  const re = new RegExp(`sidc\\["(${keyPattern})"\\]\\s*=\\s*icn\\[[^\\]]*\\];\\s*//\\s*(.+)$`, 'gm');
  for (const m of src.matchAll(re)) out.set(m[1], m[2].trim());
  return out;
}
const letterNames = names('lettersidc/sidc/tactical-points-2525.js', 'G-[A-Z]-[A-Z-]{6}');
const numberNames = names('numbersidc/sidc/control-measure.js', '\\d{6}');
const masked = (sidc) => `${sidc[0]}-${sidc[2]}-${sidc.slice(4, 10)}`;
const anticipated = (r) => ({ c: `${r.sidc_2525c.slice(0, 3)}A${r.sidc_2525c.slice(4)}`, d: r.sidc_app6d && `${r.sidc_app6d.slice(0, 6)}1${r.sidc_app6d.slice(7)}` });

test('the table covers every obstacle type of the shipped catalog, depots, shelters and the fallbacks', () => {
  const catalog = JSON.parse(readFileSync(new URL('../../skydas-plan/src/main/resources/lt/skydas/plan/catalog.json', import.meta.url), 'utf8'));
  const keys = new Set(rows.map((r) => r.key));
  for (const t of catalog.types) assert.ok(keys.has(t.id), `no symbol row for catalog type ${t.id}`);
  for (const k of ['depot', 'shelter', 'line', 'area', 'point']) assert.ok(keys.has(k), `no symbol row for ${k}`);
  for (const k of keys) assert.ok(rows.some((r) => r.key === k && r.stages === '*'), `${k}: no "*" row`);
});

test('codes are well formed: friendly, present', () => {
  for (const r of rows) {
    assert.match(r.sidc_2525c, /^[GS]F[A-Z]P[A-Z0-9-]{11}$/, `${r.key}: ${r.sidc_2525c}`);
    assert.match(r.sidc_app6d, r.key.startsWith('sensor:') ? /^1003\d{2}0000\d{10}$/ : /^100325000\d{11}$/, `${r.key}: ${r.sidc_app6d}`);
  }
});

test('point rows: milsymbol draws both codes, present and anticipated, under the names the table gives', () => {
  for (const r of rows.filter((x) => x.drawn === 'point')) {
    const a = anticipated(r);
    for (const code of [r.sidc_2525c, r.sidc_app6d, a.c, a.d]) {
      assert.ok(new ms.Symbol(code).isValid(), `${r.key}/${r.stages}: milsymbol cannot draw ${code}`);
    }
    if (r.key.startsWith('sensor:')) {
      assert.equal(r.key, `sensor:${r.sidc_2525c}`, `${r.key}: the key names its own 2525C code`);
      continue; // milsymbol keeps no names for unit and equipment codes
    }
    assert.equal(letterNames.get(masked(r.sidc_2525c)), r.name_2525c, `${r.key}: milsymbol's name of ${r.sidc_2525c}`);
    assert.equal(numberNames.get(r.sidc_app6d.slice(10, 16)), r.name_app6d, `${r.key}: milsymbol's name of ${r.sidc_app6d}`);
  }
});

test('graphic rows are line or area graphics milsymbol does not draw as points', () => {
  for (const r of rows.filter((x) => x.drawn === 'graphic')) {
    assert.equal(new ms.Symbol(r.sidc_2525c).isValid(), false, `${r.key}: ${r.sidc_2525c} is a point symbol; mark it "point"`);
    assert.equal(letterNames.has(masked(r.sidc_2525c)), false, `${r.key}`);
  }
  for (const r of rows) assert.ok(['point', 'graphic'].includes(r.drawn), `${r.key}: drawn "${r.drawn}"`);
});

test('each APP-6(D) code is the 2525C code converted (only the mine-type amplifier added)', () => {
  for (const r of rows) {
    const c = convertLetterSidc2NumberSidc(r.sidc_2525c);
    assert.equal(c.success, true, `${r.key}: ${r.sidc_2525c} does not convert`);
    const minefield = r.sidc_2525c.slice(4, 7) === 'OFS';
    const want = minefield ? r.sidc_app6d.slice(0, 16) + '0000' : r.sidc_app6d;
    assert.equal(c.sidc, want, `${r.key}/${r.stages}: ${r.sidc_2525c} converts to ${c.sidc}, the table says ${r.sidc_app6d}`);
  }
});

test('every point symbol has its KMZ icon (node tools/symbol-icons.mjs makes them)', async () => {
  const { iconCodes } = await import('../tools/symbol-icons.mjs');
  const dir = new URL('../../skydas-registry/src/main/resources/lt/skydas/registry/icons/', import.meta.url);
  for (const code of iconCodes()) {
    const png = readFileSync(new URL(`${code}.png`, dir));
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${code}.png is not a PNG`);
    assert.equal(png.readUInt32BE(20), 32, `${code}.png is not 32 pixels high`);
  }
});

test('the shipped sensor catalog codes are drawn by milsymbol', () => {
  const sensors = JSON.parse(readFileSync(new URL('../../skydas-plan/src/main/resources/lt/skydas/plan/sensors.json', import.meta.url), 'utf8'));
  const keys = new Set(rows.map((r) => r.key));
  for (const t of sensors.types) {
    assert.ok(keys.has(`sensor:${t.sidc}`), `${t.id}: no APP-6(D) row for ${t.sidc}`);
    assert.ok(new ms.Symbol(t.sidc).isValid(), `${t.id}: ${t.sidc}`);
    assert.ok(new ms.Symbol(`${t.sidc.slice(0, 3)}A${t.sidc.slice(4)}`).isValid(), `${t.id}: anticipated`);
  }
});
