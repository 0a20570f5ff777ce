// Small reference tables importers read once per run: places by ISO code,
// meta values (e.g. the Species+ language table).
import { eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../db/client.js';
import { meta } from '../../db/schema.js';
import { selectRows } from './rows.js';

export interface GeoRef { id: number; iso2: string; nameEn: string; isCurrent: boolean }

/** Every geo entity by its (trimmed, upper-case) two-letter code. */
export async function loadGeoByIso2(db: Queryable): Promise<Map<string, GeoRef>> {
  const rows = await selectRows<{ id: number; iso2: string; name_en: string; is_current: boolean }>(
    db, sql`select id, iso2, name_en, is_current from geo_entities`);
  return new Map(rows.map((r) => [r.iso2.trim().toUpperCase(), { id: Number(r.id), iso2: r.iso2.trim().toUpperCase(), nameEn: r.name_en, isCurrent: r.is_current }]));
}

/** iso2 -> id of every geo entity. */
export async function loadGeo(db: Queryable): Promise<Map<string, number>> {
  return new Map([...(await loadGeoByIso2(db))].map(([iso2, g]) => [iso2, g.id]));
}

export async function readMeta<T>(tx: Tx, key: string): Promise<T | undefined> {
  const [row] = await tx.select().from(meta).where(eq(meta.key, key));
  return row?.value as T | undefined;
}

/** The as-of day of every import run (null when its source did not tell). */
export async function runDates(db: Queryable): Promise<Map<number, string | null>> {
  const rows = await selectRows<{ id: number; as_of: string | null }>(db, sql`select id, as_of::text as as_of from import_runs`);
  return new Map(rows.map((r) => [Number(r.id), r.as_of]));
}

/**
 * Precedence between sources: whether facts as of `a` are newer than facts as
 * of `b`. A source that does not tell its day counts as older than any that does.
 */
export function isNewer(a: string | null | undefined, b: string | null | undefined): boolean {
  return a != null && (b == null || a > b);
}
