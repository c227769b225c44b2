// Bundles the web UI into the server's classpath folder /web (no CDN: every asset is served by
// the app). Usage: node build.mjs [outDir]; Maven passes skydas-web/target/classes/web.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? 'target/classes/web';
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ['es2022'],
  outfile: join(out, 'app.js'),
  loader: { '.css': 'css' },
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));
copyFileSync('node_modules/ol/ol.css', join(out, 'ol.css'));
copyFileSync('src/style.css', join(out, 'style.css'));
console.log(`web UI bundled into ${out}`);
