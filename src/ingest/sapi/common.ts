// Helpers shared by the Species+ (SAPI) importers: dates, designations,
// legacy keys, look-up maps loaded once per run, and a batched "sync" that
// inserts new facts, updates changed ones and counts unchanged ones, so a
// re-import of the same file writes nothing.
import { getTableColumns, eq, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { geoEntities, taxonConcepts, meta } from '../../db/schema.js';
import type { ImportContext } from '../run.js';
import { toRank, type Rank } from '../../taxonomy/ranks.js';
import type { Tx } from '../../db/client.js';

export type TaxonomyId = 'CITES' | 'CMS';

/** 'DD/MM/YYYY' -> 'YYYY-MM-DD'; null when empty or not a real date. */
export function parseDmy(value: string | undefined): string | null | undefined {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Which taxonomies a Species+ designation names. The 2013 CITES taxonomy was
 * shared by CITES and the EU regulations ('CITES_EU'), so an EU-only name or
 * distribution belongs to the CITES taxonomy too.
 */
export function taxonomiesOf(designation: string | undefined): TaxonomyId[] {
  const parts = (designation ?? '').toUpperCase().split(',').map((s) => s.trim());
  const out: TaxonomyId[] = [];
  if (parts.some((p) => p.startsWith('CITES') || p === 'EU')) out.push('CITES');
  if (parts.some((p) => p.startsWith('CMS'))) out.push('CMS');
  return out;
}

/** Rank as written in the 2013 files ('SubFamily', 'Var', 'species ') -> RANK. */
export function legacyRank(value: string | undefined): Rank | null {
  const v = (value ?? '').trim().toUpperCase().replace(/\s+/g, '');
  if (v === 'VAR') return 'VARIETY';
  return toRank(v);
}

/**
 * The 2013 RecID is unique only within a rank (animal Class 41 and Species 41
 * are different taxa), so the legacy id carries the rank: 'A:SPECIES:219'.
 */
export function legacyKey(kingdom: 'A' | 'P', rank: Rank, recId: string): string {
  return `${kingdom}:${rank}:${recId.trim()}`;
}

/** Synonym rows have their own RecID space. */
export function legacySynonymKey(kingdom: 'A' | 'P', rank: Rank, recId: string): string {
  return `${kingdom}:SYN:${rank}:${recId.trim()}`;
}

/** 'A' for the animal files, 'P' for plants, from the file name. */
export function kingdomOfFile(fileName: string): 'A' | 'P' {
  return /plant/i.test(fileName) ? 'P' : 'A';
}

/** FELIDAE -> Felidae; names already in mixed case are kept. */
export function capitalise(name: string): string {
  const n = name.trim();
  if (n.length > 1 && n === n.toUpperCase() && /[A-Z]/.test(n)) return n[0] + n.slice(1).toLowerCase();
  return n;
}

/** Empty and the literal 'NULL' mean no value. */
export function clean(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' || v.toUpperCase() === 'NULL' ? null : v;
}

/** 'US, CA' / 'BW, NA,ZW ' -> ['US', 'CA'] / ['BW', 'NA', 'ZW']. */
export function isoList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
}

/** iso2 -> id of every geo entity. */
export async function loadGeo(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx.select({ id: geoEntities.id, iso2: geoEntities.iso2 }).from(geoEntities);
  return new Map(rows.map((r) => [r.iso2.trim(), r.id]));
}

export interface ConceptRef { id: number; taxonomyId: string; fullName: string; rank: string; speciesplusId: number | null; legacyId: string | null; nameStatus: string }

/** Concepts of both taxonomies with the keys importers resolve by. */
export async function loadConcepts(tx: Tx): Promise<ConceptRef[]> {
  return tx.select({
    id: taxonConcepts.id, taxonomyId: taxonConcepts.taxonomyId, fullName: taxonConcepts.fullName,
    rank: taxonConcepts.rank, speciesplusId: taxonConcepts.speciesplusId, legacyId: taxonConcepts.legacyId,
    nameStatus: taxonConcepts.nameStatus,
  }).from(taxonConcepts);
}

/** '<taxonomy>|<legacy id>' -> concept id. */
export function byLegacy(concepts: ConceptRef[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of concepts) if (c.legacyId) m.set(`${c.taxonomyId}|${c.legacyId}`, c.id);
  return m;
}

export async function readMeta<T>(tx: Tx, key: string): Promise<T | undefined> {
  const [row] = await tx.select().from(meta).where(eq(meta.key, key));
  return row?.value as T | undefined;
}

/** JSON with sorted keys: jsonb reorders keys, so compare canonically. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim(); // char(n) pads
  return stable(a) === stable(b);
}

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

/** Columns of a table by JS property name, for selecting existing rows. */
export function columnsOf(table: PgTable): Record<string, unknown> {
  return getTableColumns(table as Table) as Record<string, unknown>;
}
