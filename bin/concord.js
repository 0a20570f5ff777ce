#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx concord ...` works from a checkout.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const res = spawnSync(process.execPath, [tsx, path.join(root, 'src/cli/index.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(res.status ?? 1);
