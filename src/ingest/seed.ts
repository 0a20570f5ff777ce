// `concord seed`: import the whole reference data set in dependency order,
// then refresh what is derived from it.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { importers } from './registry.js';
import { runImport, type ImportSummary } from './run.js';
import { deriveAll } from './derive.js';

export interface SeedStep { order: number; format: string; file: string }

export async function seedPlan(seedDir: string): Promise<SeedStep[]> {
  const steps: SeedStep[] = [];
  for (const imp of (await importers()).values()) {
    for (const s of imp.seed ?? []) steps.push({ order: s.order, format: imp.format, file: path.join(seedDir, s.path) });
  }
  return steps.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file));
}

export interface SeedOptions {
  progress?: boolean;
  log?: (line: string) => void;
  /** Called before each step (and once more, step null, before deriving): for a server's 'seeding' page. */
  onStep?: (done: number, total: number, step: string | null) => void;
}

export async function seed(database: Database, seedDir: string, opts: SeedOptions = {}): Promise<ImportSummary[]> {
  if (!fs.existsSync(seedDir)) throw new Error(`seed folder ${seedDir} does not exist`);
  const log = opts.log ?? (() => undefined);
  const all = await importers();
  const results: ImportSummary[] = [];
  const plan = await seedPlan(seedDir);
  for (const [i, step] of plan.entries()) {
    opts.onStep?.(i, plan.length, `${step.format} ${path.basename(step.file)}`);
    if (!fs.existsSync(step.file)) { log(`skip ${step.format}: ${step.file} is missing`); continue; }
    const summary = await runImport(database, all.get(step.format)!, step.file, { progress: opts.progress, derive: false });
    results.push(summary);
    log(`${step.format} ${path.relative(seedDir, step.file)}: ${summary.status}${summary.error ? ` (${summary.error})` : ''} — accepted ${summary.accepted}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected} in ${summary.seconds.toFixed(1)} s`);
  }
  opts.onStep?.(plan.length, plan.length, null);
  for (const note of (await deriveAll(database)).notes) log(note);
  return results;
}
