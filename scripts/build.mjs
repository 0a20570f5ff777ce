// `npm run build`: src/ TypeScript to dist/ JavaScript, file by file (no
// bundle: commands, routes and importers are found by listing their folders),
// with the SQL migrations beside. Type checking is `npm run typecheck`.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const entryPoints = fs.readdirSync(src, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts'))
  .map((e) => path.join(e.parentPath, e.name));
// --if-stale (npm start): nothing to do when dist/ is newer than every source file.
const builtAt = (() => { try { return fs.statSync(path.join(dist, '.built')).mtimeMs; } catch { return 0; } })();
if (process.argv.includes('--if-stale') && builtAt && fs.readdirSync(src, { recursive: true, withFileTypes: true })
  .every((e) => !e.isFile() || fs.statSync(path.join(e.parentPath, e.name)).mtimeMs <= builtAt)) process.exit(0);
const t0 = performance.now();
fs.rmSync(dist, { recursive: true, force: true });
await build({ entryPoints, outdir: dist, outbase: src, format: 'esm', platform: 'node', target: 'node20', bundle: false, logLevel: 'warning' });
fs.cpSync(path.join(src, 'db', 'migrations'), path.join(dist, 'db', 'migrations'), { recursive: true });
// `concord --help` without loading every command: the help text of the same definitions.
const { buildProgram } = await import(path.join(dist, 'cli', 'index.js'));
fs.writeFileSync(path.join(dist, 'help.txt'), (await buildProgram()).helpInformation());
// What bin/concord.js compares against src/ to know the build is current.
fs.writeFileSync(path.join(dist, '.built'), new Date().toISOString());
console.log(`built ${entryPoints.length} files into dist/ in ${Math.round(performance.now() - t0)} ms`);
