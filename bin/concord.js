#!/usr/bin/env node
// `npx concord ...`: the compiled CLI (dist/, `npm run build`) when it is as
// new as the sources, else the TypeScript through tsx (a checkout being edited).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function builtIsCurrent() {
  let built;
  try { built = fs.statSync(path.join(root, 'dist', '.built')).mtimeMs; } catch { return false; }
  const src = path.join(root, 'src');
  for (const e of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && fs.statSync(path.join(e.parentPath, e.name)).mtimeMs > built) return false;
  }
  return true;
}

if (builtIsCurrent()) {
  const { main } = await import(pathToFileURL(path.join(root, 'dist', 'cli', 'index.js')).href);
  await main(process.argv);
} else {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const res = spawnSync(process.execPath, [tsx, path.join(root, 'src/cli/index.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(res.status ?? 1);
}
