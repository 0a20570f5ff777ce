// Multi-row writes for importers (the one write path's lowest layer). Each batch is ONE statement with ONE
// parameter (the rows as a JSON array, unpacked by json_to_recordset), so it
// costs the same round trip on PGlite (single-connection WASM) and on a
// PostgreSQL server, whatever the number of rows or columns.
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';

/** SQL type of each column written, by column name: { full_name: 'text', tags: 'text[]' }. */
export type ColumnTypes = Record<string, string>;

export interface BatchOptions {
  /** Rows per statement (default 2000). */
  batchSize?: number;
}

export interface InsertOptions extends BatchOptions {
  /** Columns to return for each inserted row, e.g. ['id', 'speciesplus_id']. */
  returning?: string[];
  /**
   * Text columns whose values repeat across many rows (annotations): each
   * distinct text is sent once per batch and the rows refer to it by index.
   */
  sharedText?: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows of a raw query, on either driver (both answer `{ rows }`). */
export async function selectRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

function recordset(columns: ColumnTypes, extra: ColumnTypes = {}): string {
  return Object.entries({ ...extra, ...columns }).map(([c, t]) => `${ident(c)} ${t}`).join(', ');
}

/** JSON text for the rows, keeping only the declared columns; undefined becomes null. */
function rowsJson(rows: Record<string, unknown>[], names: string[]): string {
  return JSON.stringify(rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const n of names) o[n] = r[n] === undefined ? null : r[n];
    return o;
  }));
}

/**
 * INSERT rows (objects keyed by column name) in batches; returns the
 * `returning` columns of every inserted row (in insert order within a batch;
 * map back by a natural key you return, not by position, to be safe).
 */
export async function insertRows<R = Record<string, unknown>>(
  db: Queryable, table: string, columns: ColumnTypes, rows: Record<string, unknown>[], opts: InsertOptions = {},
): Promise<R[]> {
  const size = opts.batchSize ?? 2000;
  const names = Object.keys(columns);
  const cols = names.map(ident).join(', ');
  const returning = opts.returning?.length ? ` returning ${opts.returning.map(ident).join(', ')}` : '';
  const shared = new Set(opts.sharedText ?? []);
  const types: ColumnTypes = Object.fromEntries(names.map((n) => [n, shared.has(n) ? 'integer' : columns[n]]));
  const select = names.map((n) => (shared.has(n) ? `(s.texts->>v.${ident(n)})` : `v.${ident(n)}`)).join(', ');
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) {
    let chunk = rows.slice(i, i + size);
    const texts: string[] = [];
    if (shared.size) {
      const at = new Map<string, number>();
      chunk = chunk.map((r) => {
        const o = { ...r };
        for (const n of shared) {
          const t = r[n] as string | null | undefined;
          if (t == null) { o[n] = null; continue; }
          let k = at.get(t);
          if (k === undefined) { k = texts.length; texts.push(t); at.set(t, k); }
          o[n] = k;
        }
        return o;
      });
    }
    const q = sql`insert into ${sql.raw(ident(table))} (${sql.raw(cols)}) select ${sql.raw(select)} from json_to_recordset(${rowsJson(chunk, names)}::json) as v(${sql.raw(recordset(types))}), (select ${JSON.stringify(texts)}::jsonb as texts) s${sql.raw(returning)}`;
    out.push(...await selectRows<R>(db, q));
  }
  return out;
}

/**
 * UPDATE rows by id: every row must carry `id` and the listed columns.
 * Columns not listed are left alone.
 */
export async function updateRows(
  db: Queryable, table: string, columns: ColumnTypes, rows: (Record<string, unknown> & { id: number })[], opts: BatchOptions = {},
): Promise<void> {
  const size = opts.batchSize ?? 2000;
  const names = Object.keys(columns);
  const set = names.map((n) => `${ident(n)} = v.${ident(n)}`).join(', ');
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await db.execute(sql`update ${sql.raw(ident(table))} t set ${sql.raw(set)} from json_to_recordset(${rowsJson(chunk, ['id', ...names])}::json) as v(${sql.raw(recordset(columns, { id: 'integer' }))}) where t.id = v.id`);
  }
}

/** DELETE rows by id, in batches. */
export async function deleteRows(db: Queryable, table: string, ids: number[], opts: BatchOptions = {}): Promise<void> {
  const size = opts.batchSize ?? 10_000;
  for (let i = 0; i < ids.length; i += size) {
    const chunk = ids.slice(i, i + size);
    await db.execute(sql`delete from ${sql.raw(ident(table))} where id in (select (jsonb_array_elements_text(${JSON.stringify(chunk)}::jsonb))::int)`);
  }
}

/** JSON with sorted object keys: jsonb reorders keys, so compare canonically. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/** Equal as stored values: null/undefined alike, strings trimmed (char(n) pads), arrays and objects by content. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  if (typeof a !== 'object' && typeof b !== 'object') return String(a) === String(b);
  return canonicalJson(a) === canonicalJson(b);
}

/** Ids of the import runs of the given importer formats: facts they wrote are "owned" by those importers. */
export async function runIdsOf(db: Queryable, formats: string[]): Promise<Set<number>> {
  const rows = await selectRows<{ id: number }>(db, sql`select id from import_runs where source in (select jsonb_array_elements_text(${JSON.stringify(formats)}::jsonb))`);
  return new Set(rows.map((r) => Number(r.id)));
}
