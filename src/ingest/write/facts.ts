// Keyed facts of one source file: multi-row inserts for new keys, one update
// per changed row, counts per source line, so a re-import of the same file
// writes nothing. Used by the importers whose facts have a natural key.
import { getTableColumns, eq, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ImportContext } from '../run.js';
import { sameValue } from './rows.js';

export interface Fact { key: string; line: number; values: Record<string, unknown> }

export interface SyncOptions {
  /** Existing rows by natural key, with their id and current values. */
  existing: Map<string, Record<string, unknown> & { id: number }>;
  /** Fields compared to decide updated vs unchanged (default: all keys of values). */
  compare?: string[];
  /** Fields never overwritten on update (e.g. a newer source's name). */
  keep?: (before: Record<string, unknown>) => string[];
  batchSize?: number;
}

export type FactStatus = 'new' | 'updated' | 'unchanged';

/**
 * Write facts: multi-row inserts for new keys, one update per changed row.
 * Returns each fact's status and the ids of inserted rows by key.
 */
export async function syncFacts(ctx: ImportContext, table: PgTable, facts: Fact[], opts: SyncOptions): Promise<{ status: Map<string, FactStatus>; ids: Map<string, number> }> {
  const columns = getTableColumns(table as Table) as Record<string, unknown>;
  const idColumn = columns.id as Parameters<typeof eq>[0];
  const status = new Map<string, FactStatus>();
  const ids = new Map<string, number>();
  const inserts: { key: string; row: Record<string, unknown> }[] = [];
  for (const f of facts) {
    const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: f.line };
    const before = opts.existing.get(f.key);
    if (!before) { inserts.push({ key: f.key, row: { ...f.values, ...prov } }); continue; }
    ids.set(f.key, before.id);
    const keep = new Set(opts.keep?.(before) ?? []);
    const fields = (opts.compare ?? Object.keys(f.values)).filter((k) => !keep.has(k));
    const changed = fields.filter((k) => !sameValue(before[k], f.values[k]));
    if (changed.length === 0) { status.set(f.key, 'unchanged'); continue; }
    const set: Record<string, unknown> = { ...prov };
    for (const k of changed) set[k] = f.values[k];
    if ('updatedAt' in columns) set.updatedAt = new Date();
    await ctx.tx.update(table).set(set).where(eq(idColumn, before.id));
    status.set(f.key, 'updated');
  }
  const size = opts.batchSize ?? 500;
  for (let i = 0; i < inserts.length; i += size) {
    const chunk = inserts.slice(i, i + size);
    const rows = await ctx.tx.insert(table).values(chunk.map((c) => c.row)).returning({ id: idColumn as never }) as { id: number }[];
    rows.forEach((r, j) => { ids.set(chunk[j].key, r.id); status.set(chunk[j].key, 'new'); });
  }
  return { status, ids };
}

/**
 * Count per source line: a line is accepted when it created a fact, updated
 * when it changed one, unchanged otherwise.
 */
export function countLines(ctx: ImportContext, facts: Fact[], status: Map<string, FactStatus>): void {
  const byLine = new Map<number, FactStatus>();
  const rankOf = { unchanged: 0, updated: 1, new: 2 } as const;
  for (const f of facts) {
    const s = status.get(f.key) ?? 'unchanged';
    const prev = byLine.get(f.line);
    if (!prev || rankOf[s] > rankOf[prev]) byLine.set(f.line, s);
  }
  for (const s of byLine.values()) {
    if (s === 'new') ctx.counts.accepted++;
    else if (s === 'updated') ctx.counts.updated++;
    else ctx.counts.unchanged++;
  }
}
