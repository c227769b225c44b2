// The map: the region's layers from the server's OGC API (bbox-loaded), registry records with
// milsymbol symbols (sensor sites with their catalog SIDC), avenues coloured by arrival time, where
// the newest assessment first sees the attacker labelled with the warning time, the observed area
// of the registered sensors per target class (the last two hidden until chosen), selection and
// drawing.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { bbox as bboxStrategy } from 'ol/loadingstrategy.js';
import { fromLonLat, transformExtent } from 'ol/proj.js';
import { Style, Fill, Stroke, Text, Icon, Circle as CircleStyle, RegularShape } from 'ol/style.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Feature from 'ol/Feature.js';
import { getCenter } from 'ol/extent.js';
import Point from 'ol/geom/Point.js';
import { state } from './state.js';
import ImageLayer from 'ol/layer/Image.js';
import ImageStatic from 'ol/source/ImageStatic.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import { register } from 'ol/proj/proj4.js';
import proj4 from 'proj4';
import ms from 'milsymbol';

// LKS-94 / Lithuania TM (EPSG:3346), the CRS of Skydas' rasters: isochrone images are in it
proj4.defs('EPSG:3346', '+proj=tmerc +lat_0=0 +lon_0=24 +k=0.9998 +x_0=500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
register(proj4);

const geojson = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });

function ogcSource(collection, limit = 5000, onError) {
  const source = new VectorSource({
    strategy: bboxStrategy,
    loader: async (extent, resolution, projection, success, failure) => {
      const b = transformExtent(extent, projection, 'EPSG:4326').map((v) => v.toFixed(5));
      b[0] = Math.max(-180, b[0]); b[1] = Math.max(-90, b[1]); b[2] = Math.min(180, b[2]); b[3] = Math.min(90, b[3]);
      try {
        const r = await fetch(`/ogc/collections/${collection}/items?limit=${limit}&bbox=${b.join(',')}`, { credentials: 'same-origin' });
        if (!r.ok) throw new Error(`${collection}: HTTP ${r.status}`);
        const fs = geojson.readFeatures(await r.json());
        fs.forEach((f) => f.set('_collection', collection));
        source.addFeatures(fs);
        success(fs);
      } catch (e) {
        source.removeLoadedExtent(extent);
        if (onError) onError(e);
        failure();
      }
    },
  });
  return source;
}

const fill = (c) => new Fill({ color: c });
const stroke = (c, w = 1, dash) => new Stroke({ color: c, width: w, lineDash: dash });

// A record's symbol comes with it: `sidc_app6d` (APP-6 D) and `sidc` (MIL-STD-2525C) from the
// server's one symbol table, with the status (planned: anticipated) from the record's lifecycle.
// The APP-6 D code is drawn where milsymbol draws it (it shows the mine types); else the 2525C
// code; line and area graphics milsymbol cannot draw as a point get no icon (their line shows).
const symbolCache = {};

function symbol(p, small) {
  for (const code of [p.sidc_app6d, p.sidc]) {
    if (!code) continue;
    const key = `${code}/${small}`;
    if (!(key in symbolCache)) {
      const s = new ms.Symbol(code, { size: small ? 14 : 22 });
      symbolCache[key] = s.isValid() ? new Icon({ img: s.asCanvas(), size: [s.getSize().width, s.getSize().height], anchor: [s.getAnchor().x, s.getAnchor().y], anchorXUnits: 'pixels', anchorYUnits: 'pixels' }) : null;
    }
    if (symbolCache[key]) return symbolCache[key];
  }
  return null;
}

/**
 * Whether a record in this status is not there yet (planned, approved, prepared, stocked,
 * ordered: drawn dashed), by the flags of /api/statuses: standing but not in the ground.
 */
function anticipated(status) {
  const s = state.statuses.find((x) => x.id === status);
  return s ? s.standing && !s.in_ground : status === 'planned' || status === 'approved';
}

// Records: the line or area in the kind's colour (dashed while anticipated) and the symbol at its
// middle; the layers declutter, so at national zoom symbols do not pile into blobs, and they are
// drawn smaller there.
function recordStyle(f, res) {
  const p = f.getProperties();
  const mine = p.kind === 'minefield';
  const planned = anticipated(p.status);
  const colour = mine ? '#b3001b' : planned ? '#3465a4' : p.kind === 'sensor' ? '#00688b' : '#5c3d11';
  const styles = [new Style({ stroke: stroke(colour, 3, planned ? [8, 6] : undefined), fill: fill(mine ? 'rgba(179,0,27,0.15)' : 'rgba(92,61,17,0.12)') })];
  const icon = symbol(p, res > 300);
  if (icon) styles.push(new Style({ image: icon, geometry: (feat) => midpoint(feat.getGeometry()) }));
  else if (f.getGeometry().getType().endsWith('Point')) styles.push(new Style({ image: new CircleStyle({ radius: 5, fill: fill(colour), stroke: stroke('#fff', 2) }) }));
  return styles;
}

function midpoint(g) {
  const t = g.getType();
  if (t === 'Point') return g;
  if (t === 'LineString') return new Point(g.getCoordinateAt(0.5));
  if (t === 'MultiLineString') return new Point(g.getLineString(0).getCoordinateAt(0.5));
  return new Point(getCenter(g.getExtent()));
}

function avenueStyle(f) {
  const h = f.get('time_h');
  // short times are the dangerous ones: red under 2 h, amber to 6 h, green beyond
  const c = h < 2 ? '#d7191c' : h < 4 ? '#fd8d3c' : h < 6 ? '#fecc5c' : '#1a9641';
  return new Style({ stroke: stroke(c, f.get('rank') === 1 ? 4 : 2, f.get('scenario') === 'baseline' ? [4, 6] : undefined) });
}

// where the attacker is first seen (OGC collection `warning`): red under 0.5 h of warning, amber
// under 2 h, green beyond; labelled with the warning, hours
function warningStyle(f) {
  const h = Number(f.get('warning_h'));
  const c = h < 0.5 ? '#d7191c' : h < 2 ? '#f39c12' : '#1a9641';
  return new Style({
    image: new CircleStyle({ radius: 6, fill: fill(c), stroke: stroke('#fff', 1.5) }),
    text: new Text({ text: `${h.toFixed(2)} h`, offsetY: -13, font: '12px system-ui, sans-serif', fill: fill('#222'), stroke: stroke('#fff', 3) }),
  });
}

// the observed area per target class of the registered sensor sites (OGC collection `coverage`)
const COVERAGE_COLOUR = { vehicle: '31,120,180', person: '106,61,154', small_uas: '255,127,0' };

function coverageStyle(f) {
  const c = COVERAGE_COLOUR[f.get('target')] || '80,80,80';
  return new Style({ fill: fill(`rgba(${c},0.15)`), stroke: stroke(`rgba(${c},0.9)`, 1.5) });
}

// a neighbour's line (OGC collection `neighbour-lines`): read-only, in violet, dashed, labelled
// with its owner so a seam is seen at a glance
function neighbourStyle(f) {
  return new Style({
    stroke: stroke('#6a3d9a', 3, [4, 4]),
    fill: fill('rgba(106,61,154,0.12)'),
    image: new CircleStyle({ radius: 5, fill: fill('#6a3d9a'), stroke: stroke('#fff', 1.5) }),
    text: new Text({ text: String(f.get('owner') || ''), offsetY: -12, font: '11px system-ui, sans-serif', fill: fill('#4b2a6e'), stroke: stroke('#fff', 3) }),
  });
}

// a settlement in the attacker's 48 h reach (OGC collection `civilians`): red when the plan cuts it
// off, amber when its way out is only through an openable obstacle or it needs warning to get out,
// grey otherwise; sized by its people
function civilianStyle(f, res) {
  const pop = Number(f.get('population') || 0);
  const cut = f.get('cut_off') === true;
  const through = f.get('unless_opened') === true;
  const need = f.get('warning_needed_h');
  if (!cut && !through && res > 150 && pop < 5000) return null;
  const colour = cut ? '#c0262d' : through || (need !== null && need > 0) ? '#e08a00' : '#7a7f87';
  const radius = Math.min(12, 3 + Math.log10(Math.max(pop, 1)) * 1.6);
  const label = cut ? `${f.get('name')}: cut off` : need === null ? `${f.get('name')}: no way out` : need > 0 ? `${f.get('name')}: needs ${need.toFixed(1)} h warning` : '';
  return new Style({
    image: new CircleStyle({ radius, fill: fill(colour), stroke: stroke('#fff', 1) }),
    text: label && res < 200 ? new Text({ text: label, offsetY: -12, font: '11px system-ui, sans-serif', fill: fill('#222'), stroke: stroke('#fff', 3) }) : undefined,
  });
}

// a registered shelter (OGC collection `shelters`): a green square, hollow until ready, labelled
// with its capacity
function shelterStyle(f, res) {
  const ready = f.get('status') === 'ready';
  const closed = f.get('status') === 'closed';
  if (closed) return null;
  const cap = f.get('shelter') ? f.get('shelter').capacity_persons : '';
  return new Style({
    image: new RegularShape({ points: 4, radius: 6, angle: Math.PI / 4, fill: ready ? fill('#1b7f3b') : fill('rgba(255,255,255,0.8)'), stroke: stroke('#1b7f3b', 2) }),
    text: res < 60 ? new Text({ text: `${cap}`, offsetY: -12, font: '11px system-ui, sans-serif', fill: fill('#1b7f3b'), stroke: stroke('#fff', 3) }) : undefined,
  });
}

export function createMap(target, onError) {
  const layers = {};
  const add = (id, title, source, style, opts = {}) => {
    layers[id] = new VectorLayer({ source, style, declutter: opts.declutter, minZoom: opts.minZoom, visible: opts.visible !== false, properties: { title } });
    return layers[id];
  };
  // the heavy region layers come as vector tiles (OGC API – Tiles): the whole region draws at any
  // zoom without downloading every feature
  const tiled = (id, title, style, opts = {}) => {
    const source = new VectorTileSource({ format: new MVT(), url: `/ogc/collections/${id}/tiles/WebMercatorQuad/{z}/{y}/{x}`, maxZoom: 14 });
    source.on('tileloaderror', () => onError && onError(new Error(`${title} (a tile)`)));
    layers[id] = new VectorTileLayer({ source, style, minZoom: opts.minZoom, declutter: opts.declutter, properties: { title } });
    return layers[id];
  };
  add('countries', 'Countries', ogcSource('countries', 100, onError), new Style({ fill: fill('#f6f4ee'), stroke: stroke('#9a948a', 1) }));
  tiled('landcover_forest', 'Forest', new Style({ fill: fill('rgba(76,140,74,0.35)') }), { minZoom: 8 });
  tiled('landcover_wetland', 'Wetland', new Style({ fill: fill('rgba(94,160,170,0.35)') }), { minZoom: 8 });
  tiled('water_areas', 'Water', new Style({ fill: fill('#9cc3e6') }), { minZoom: 7 });
  tiled('roads_main', 'Main roads', new Style({ stroke: stroke('#8a8f99', 1.5) }), { minZoom: 7 });
  add('borders', 'Borders', ogcSource('borders', 1000, onError), new Style({ stroke: stroke('#c0262d', 2, [10, 4]) }));
  add('settlements', 'Settlements', ogcSource('settlements', 5000, onError), (f, res) => {
    const pop = Number(f.get('population') || 0);
    if (res > 150 && pop < 20000) return null;
    if (res > 40 && pop < 2000) return null;
    return new Style({ image: new CircleStyle({ radius: 3, fill: fill('#333') }), text: new Text({ text: String(f.get('name') || ''), offsetY: -10, font: '12px system-ui, sans-serif', fill: fill('#222'), stroke: stroke('#fff', 3) }) });
  }, { declutter: true, minZoom: 5 });
  layers.isochrones = new TileLayer({ opacity: 0.55, properties: { title: 'Isochrones (arrival time)' } });
  // jobs from before the map tiles: one image; shown and hidden with the isochrones' toggle
  layers.isochroneImage = new ImageLayer({ opacity: 0.55, properties: { follows: 'isochrones' } });
  add('avenues', 'Avenues (your run, or the shared one)', new VectorSource(), avenueStyle);
  add('warning', 'Warning time: where first seen (newest assessment)', new VectorSource(), warningStyle, { visible: false, declutter: true });
  add('civilians', "Civilians in 48 h reach (your run, or the shared one)", new VectorSource(), civilianStyle, { declutter: true });
  add('shelters', 'Shelters', ogcSource('shelters', 10000, onError), shelterStyle, { declutter: true });
  add('coverage', 'Coverage of registered sensors (vehicle, person, small UAS)', ogcSource('coverage', 10, onError), coverageStyle, { visible: false });
  add('neighbour-lines', "Neighbours' lines (read-only, as imported)", ogcSource('neighbour-lines', 10000, onError), neighbourStyle, { declutter: true });
  add('minefields', 'Minefields', ogcSource('minefields', 10000, onError), recordStyle, { declutter: true });
  add('obstacles', 'Obstacles', ogcSource('obstacles', 10000, onError), recordStyle, { declutter: true });
  add('sensors', 'Sensors', ogcSource('sensors', 10000, onError), recordStyle, { declutter: true });

  const map = new Map({
    target,
    layers: Object.values(layers),
    view: new View({ center: fromLonLat([24.6, 55.1]), zoom: 7, minZoom: 6, maxZoom: 17 }),
  });
  return { map, layers, geojson };
}

/**
 * Loads an assessment's avenues, warning points and civilians: the newest published one (the OGC
 * collections everyone sees), or with `jobId` that job's own files (a run only its owner sees until
 * published). A layer the job did not write keeps what it showed. Resolves to the avenues' count.
 */
export async function loadAssessment(layers, jobId) {
  const url = (c) => (jobId ? `/api/jobs/${jobId}/files/${c}.geojson` : `/ogc/collections/${c}/items?limit=10000`);
  const [n] = await Promise.all([
    loadCollection(layers.avenues, url('avenues'), !jobId).catch(() => 0),
    loadCollection(layers.warning, url('warning'), !jobId).catch(() => 0),
    loadCollection(layers.civilians, url('civilians'), !jobId).catch(() => 0),
  ]);
  return n;
}

async function loadCollection(layer, url, clearIfMissing) {
  const r = await fetch(url, { credentials: 'same-origin' });
  if (!r.ok) {
    if (clearIfMissing) layer.getSource().clear();
    return 0;
  }
  const fs = geojson.readFeatures(await r.json());
  layer.getSource().clear();
  layer.getSource().addFeatures(fs);
  return fs.length;
}

/**
 * Shows one case's isochrones: the job's PNG map tiles (WebMercatorQuad, drawn by the server from
 * the case's GeoTIFF, the fast corridors kept at every zoom), or for a job from before the tiles its
 * one image over its extent in the region's CRS (`iso`: the job result's entry, {extent, crs,
 * proj4}; a CRS other than LKS-94 is registered on first use). `jobId` null hides them.
 */
export function showIsochrone(layers, jobId, iso) {
  layers.isochrones.setSource(null);
  layers.isochroneImage.setSource(null);
  if (!jobId || !iso) return;
  if (iso.cog) {
    const url = `/api/jobs/${encodeURIComponent(jobId)}/isochrones/${encodeURIComponent(iso.case)}/tiles/WebMercatorQuad/{z}/{y}/{x}`;
    layers.isochrones.setSource(new XYZ({ url, maxZoom: 18, interpolate: false, transition: 0 }));
    return;
  }
  const crs = iso.crs || 'EPSG:3346';
  if (!proj4.defs(crs) && iso.proj4) {
    proj4.defs(crs, iso.proj4);
    register(proj4);
  }
  const url = `/api/jobs/${encodeURIComponent(jobId)}/files/${encodeURIComponent(iso.file)}`;
  layers.isochroneImage.setSource(new ImageStatic({ url, imageExtent: iso.extent, projection: crs, interpolate: false }));
}

/**
 * Edits a geometry (GeoJSON, WGS84) on the map: its vertices can be dragged; `read()` gives the
 * edited geometry, `stop()` removes the editing layer.
 */
export function editGeometry(map, geometry) {
  const feature = new Feature(geojson.readGeometry(geometry));
  const source = new VectorSource({ features: [feature] });
  const layer = new VectorLayer({ source, style: new Style({ stroke: stroke('#f0a500', 3), fill: fill('rgba(240,165,0,0.15)'), image: new CircleStyle({ radius: 7, fill: fill('#f0a500'), stroke: stroke('#fff', 2) }) }) });
  map.addLayer(layer);
  const modify = new Modify({ source, pixelTolerance: 12 });
  map.addInteraction(modify);
  return {
    read: () => geojson.writeGeometryObject(feature.getGeometry(), { decimals: 6 }),
    stop: () => { map.removeInteraction(modify); map.removeLayer(layer); },
  };
}

export function startDraw(map, kind, onEnd) {
  const type = kind === 'line' ? 'LineString' : kind === 'area' ? 'Polygon' : 'Point';
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: new Style({ stroke: stroke('#f0a500', 3), image: new CircleStyle({ radius: 5, fill: fill('#f0a500') }) }) });
  map.addLayer(layer);
  const draw = new Draw({ source, type });
  map.addInteraction(draw);
  const stop = () => { map.removeInteraction(draw); map.removeLayer(layer); };
  draw.on('drawend', (e) => {
    const g = geojson.writeGeometryObject(e.feature.getGeometry(), { decimals: 6 });
    setTimeout(stop, 0);
    onEnd(g);
  });
  return stop;
}
