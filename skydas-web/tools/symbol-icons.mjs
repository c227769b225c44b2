// Renders the point symbols of the one symbol table (skydas-registry/.../symbols.tsv) and of the
// shipped sensor catalog with milsymbol, as 32-pixel PNGs (resvg), present and anticipated, into
// skydas-registry/src/main/resources/lt/skydas/registry/icons/<2525C SIDC>.png: the icons a KMZ
// export carries. Run after changing the table: node tools/symbol-icons.mjs
// (test/symbols.test.mjs fails while an icon is missing.) Text in a symbol (TCP) takes the
// system's DejaVu Sans for Arial; the icons are committed, so a build does not need the fonts.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import ms from 'milsymbol';
import { Resvg } from '@resvg/resvg-js';

const root = new URL('../../skydas-registry/src/main/resources/lt/skydas/registry/', import.meta.url);
const out = new URL('icons/', root);
mkdirSync(out, { recursive: true });

/** The 2525C codes with a point symbol, present and anticipated. */
export function iconCodes() {
  const lines = readFileSync(new URL('symbols.tsv', root), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0].split('\t');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
  const sensors = JSON.parse(readFileSync(new URL('../../../../../../../skydas-plan/src/main/resources/lt/skydas/plan/sensors.json', root), 'utf8'));
  const codes = new Set();
  for (const c of [...rows.filter((r) => r.drawn === 'point').map((r) => r.sidc_2525c), ...sensors.types.map((t) => t.sidc)]) {
    codes.add(c);
    codes.add(`${c.slice(0, 3)}A${c.slice(4)}`);
  }
  return [...codes].sort();
}

export function render(code) {
  const svg = new ms.Symbol(code, { size: 24 }).asSVG();
  return new Resvg(svg, { fitTo: { mode: 'height', value: 32 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' } }).render().asPng();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const code of iconCodes()) {
    writeFileSync(new URL(`${code}.png`, out), render(code));
  }
  console.log(`wrote ${iconCodes().length} icons into ${out.pathname}`);
}
