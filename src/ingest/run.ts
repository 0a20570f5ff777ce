// Runs one importer on one file: a single transaction (all or nothing), an
// import_runs row with the counts, reject lines naming file/line/field/reason,
// and a progress bar on a TTY.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import cliProgress from 'cli-progress';
import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/client.js';
import { importRuns, type RejectLine } from '../db/schema.js';
import { ImportRefused } from './errors.js';
import { derive } from './derive.js';

export interface Counts { accepted: number; updated: number; unchanged: number; rejected: number }

export interface ImportContext {
  tx: Tx;
  database: Database;
  runId: number;
  /** Path given by the user. */
  file: string;
  /** Base name used in provenance and messages. */
  fileName: string;
  counts: Counts;
  reject(line: number, field: string, reason: string): void;
  note(text: string): void;
  /** Report bytes read so far (drives the progress bar). */
  progress(bytesRead: number): void;
  /**
   * The day this source's facts are as of (YYYY-MM-DD), when the importer
   * can tell (a date in the file name or the file); null when unknown.
   * Newer sources win over older ones (docs/importers.md, "Precedence").
   */
  asOf: string | null;
}

export interface Importer {
  /** The format name used by `concord import <format>`. */
  format: string;
  description: string;
  run(ctx: ImportContext): Promise<void>;
  /** The day a file's facts are as of, when its path tells (the importer may also set ctx.asOf while reading). */
  asOf?(file: string): string | null;
  /**
   * Files of the reference data set (paths relative to the seed folder) this
   * importer loads during `concord seed`, with an order: 10 places, 20 Parties,
   * 30 events and annotations, 40-59 Species+ 2013 taxonomy, names, distributions
   * and listings, 60 the 2017 Checklist, 70 current deltas, 75 2025 CMS facts,
   * 80 Species+ API JSON, 90 conservation status, 100 work programme.
   */
  seed?: { order: number; path: string }[];
}

export interface ImportSummary extends Counts {
  runId: number;
  format: string;
  file: string;
  status: 'succeeded' | 'refused';
  seconds: number;
  rejects: RejectLine[];
  notes: string[];
  error?: string;
}

export interface RunImportOptions {
  /** Show a progress bar (default: when stderr is a TTY). */
  progress?: boolean;
  /** Keep at most this many reject lines in the report (all are counted). */
  maxRejectLines?: number;
  /**
   * Recompute what derives from the imported facts (current listings of the
   * touched subtrees, cross-convention links) in the same transaction.
   * Default true; the seed turns it off and recomputes once at the end.
   */
  derive?: boolean;
}

export async function runImport(database: Database, importer: Importer, file: string, opts: RunImportOptions = {}): Promise<ImportSummary> {
  const started = Date.now();
  const fileName = path.basename(file);
  const asOf = importer.asOf?.(file) ?? null;
  const [run] = await database.db.insert(importRuns)
    .values({ source: importer.format, file: fileName, fileSha256: await sha256(file), asOf })
    .returning({ id: importRuns.id });
  const counts: Counts = { accepted: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejects: RejectLine[] = [];
  const notes: string[] = [];
  const bar = makeBar(file, opts.progress ?? Boolean(process.stderr.isTTY));
  const maxRejects = opts.maxRejectLines ?? 10_000;
  let ctx: ImportContext;
  try {
    await database.db.transaction(async (tx) => {
      ctx = {
        tx, database, runId: run.id, file, fileName, counts, asOf,
        reject(line, field, reason) {
          counts.rejected++;
          if (rejects.length < maxRejects) rejects.push({ file: fileName, line, field, reason });
        },
        note: (text) => { notes.push(text); },
        progress: (n) => bar?.update(n),
      };
      await importer.run(ctx);
      if (ctx.asOf !== asOf) await tx.update(importRuns).set({ asOf: ctx.asOf }).where(eq(importRuns.id, run.id));
      if (opts.derive !== false && counts.accepted + counts.updated > 0) {
        notes.push(...await deriveTouched(tx, run.id));
      }
    });
  } catch (e) {
    bar?.stop();
    const error = e instanceof ImportRefused ? e.message : `${fileName}: ${(e as Error).message}`;
    await finish(database, run.id, 'refused', { accepted: 0, updated: 0, unchanged: 0, rejected: counts.rejected }, rejects, [...notes, error]);
    if (!(e instanceof ImportRefused)) throw e;
    return { runId: run.id, format: importer.format, file: fileName, status: 'refused', seconds: (Date.now() - started) / 1000, ...counts, rejects, notes, error };
  }
  bar?.stop();
  await finish(database, run.id, 'succeeded', counts, rejects, notes);
  // A bulk load leaves the planner's statistics behind (autovacuum may not have
  // run yet, and PGlite has none): without them a join over taxon_concepts was
  // planned as a 3-billion-row nested loop.
  if (counts.accepted + counts.updated > 0) await database.query('analyze');
  return { runId: run.id, format: importer.format, file: fileName, status: 'succeeded', seconds: (Date.now() - started) / 1000, ...counts, rejects, notes };
}

/**
 * Concepts this run wrote (every fact carries its import run), then what
 * derives from them (src/ingest/derive.ts), inside the import's transaction.
 */
async function deriveTouched(tx: Tx, runId: number): Promise<string[]> {
  const res = await tx.execute(sql`
    select id from taxon_concepts where import_run_id = ${runId}
    union select taxon_concept_id from listing_changes where import_run_id = ${runId}
    union select taxon_concept_id from instrument_coverage where import_run_id = ${runId}
    union select taxon_concept_id from distributions where import_run_id = ${runId}
    union select taxon_concept_id from taxon_relationships where import_run_id = ${runId}
    union select other_taxon_concept_id from taxon_relationships where import_run_id = ${runId}`);
  const ids = (res as unknown as { rows: { id: number }[] }).rows.map((r) => Number(r.id));
  if (!ids.length) return [];
  return (await derive(tx, { conceptIds: ids })).notes;
}

async function finish(database: Database, id: number, status: string, counts: Counts, rejects: RejectLine[], notes: string[]) {
  await database.db.update(importRuns)
    .set({ status, finishedAt: new Date(), ...counts, report: { rejects, notes } })
    .where(eq(importRuns.id, id));
}

async function sha256(file: string): Promise<string | null> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return null; // a missing file is reported by the importer itself
  }
}

function makeBar(file: string, show: boolean): cliProgress.SingleBar | null {
  if (!show) return null;
  let size = 0;
  try { size = fs.statSync(file).size; } catch { return null; }
  const bar = new cliProgress.SingleBar({
    format: `${path.basename(file).slice(0, 40).padEnd(40)} {bar} {percentage}% | {eta_formatted}`,
    stream: process.stderr,
  }, cliProgress.Presets.shades_classic);
  bar.start(size, 0);
  return bar;
}

/** One line per summary, for people. */
export function formatSummary(s: ImportSummary): string {
  const head = `${s.format} ${s.file}: ${s.status}`;
  if (s.status === 'refused') return `${head}: ${s.error}\nThe database is unchanged.`;
  const changed = s.accepted + s.updated === 0 ? ' (no change)' : '';
  return `${head}${changed} — accepted ${s.accepted}, updated ${s.updated}, unchanged ${s.unchanged}, rejected ${s.rejected} in ${s.seconds.toFixed(1)} s`;
}

/** The reject report as CSV-ish lines: file,line,field,reason. */
export function formatRejects(s: ImportSummary, limit = 50): string {
  const lines = s.rejects.slice(0, limit).map((r) => `  ${r.file}:${r.line} [${r.field}] ${r.reason}`);
  if (s.rejects.length > limit) lines.push(`  ... ${s.rejected - limit} more (concord import-report ${s.runId})`);
  return lines.join('\n');
}
