// Reads a TAK data package with node-cot (@tak-ps/node-cot), the CoT library TAK server tooling
// uses, strictly (a manifest is required and checked against its schema; every event is
// validated), and prints what it found as JSON: the package settings and, per event, its uid,
// type, geometry type, 2525 symbol and callsign. Usage: node tools/cot-check.mjs package.zip
// (skydas-cli's TakDataPackageTest runs it; the file is read, not deleted).
import { CoTParser, DataPackage } from '@tak-ps/node-cot';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/cot-check.mjs package.zip');
  process.exit(2);
}
const pkg = await DataPackage.parse(file, { strict: true, cleanup: false });
try {
  const events = [];
  for (const cot of await pkg.cots()) {
    const f = await CoTParser.to_geojson(cot);
    events.push({
      uid: cot.uid(),
      type: f.properties.type,
      geometry: f.geometry.type,
      vertices: f.geometry.type === 'Polygon' ? f.geometry.coordinates[0].length : f.geometry.type === 'LineString' ? f.geometry.coordinates.length : 1,
      milsym: f.properties.milsym ? f.properties.milsym.id : null,
      callsign: f.properties.callsign,
    });
  }
  console.log(JSON.stringify({ settings: pkg.settings, version: pkg.version, events }));
} finally {
  await pkg.destroy();
}
