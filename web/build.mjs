// Bundles web/src into OUT_DIR (index.html, app.js, app.css), minified, for embedding in the immstats binary.
// Usage: node web/build.mjs OUT_DIR
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node web/build.mjs OUT_DIR');
  process.exit(2);
}
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error(`web/build.mjs: esbuild is not installed. Run: npm ci --prefix ${here} (scripts/build.sh does it)`);
  process.exit(6);
}
mkdirSync(out, { recursive: true });
const common = { bundle: true, minify: true, legalComments: 'none', logLevel: 'warning' };
await esbuild.build({ ...common, entryPoints: [join(here, 'src/app.js')], outfile: join(out, 'app.js'),
                      format: 'iife', target: ['es2020'] });
await esbuild.build({ ...common, entryPoints: [join(here, 'src/app.css')], outfile: join(out, 'app.css') });
copyFileSync(join(here, 'src/index.html'), join(out, 'index.html'));
