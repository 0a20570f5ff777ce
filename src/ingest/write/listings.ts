// Writing listing changes of one source file: facts are keyed by their
// content (taxon, convention, appendix, change type, date, Party, populations,
// plus an occurrence number for exact repeats), so re-importing the same file
// changes nothing and an edited file updates notes in place. Rows this file
// wrote before and no longer contains are removed.
import { and, eq, inArray } from 'drizzle-orm';
import { listingChanges } from '../../db/schema.js';
import type { ImportContext } from '../run.js';
import { syncFacts, countLines, type Fact } from './facts.js';

export interface ListingFact {
  line: number;
  values: {
    taxonConceptId: number; convention: string; appendix: string; changeType: string;
    effectiveAt: string | null; partyIso2: string | null; isCurrent: boolean;
    populationsIncluded: string[]; populationsExcluded: string[];
  } & Record<string, unknown>;
}

export function listingKey(v: ListingFact['values']): string {
  return [v.taxonConceptId, v.convention, v.appendix, v.changeType, v.effectiveAt ?? '', v.partyIso2 ?? '',
    [...v.populationsIncluded].sort().join(','), [...v.populationsExcluded].sort().join(',')].join('|');
}

export interface WriteListingOptions {
  /** Fields an existing row keeps (e.g. is_current set by a newer source). */
  keep?: (before: Record<string, unknown>) => string[];
  /** Remove rows of this file that the file no longer has (default true). */
  removeStale?: boolean;
}

export async function writeListingChanges(ctx: ImportContext, convention: string, input: ListingFact[], opts: WriteListingOptions = {}): Promise<void> {
  const rows = await ctx.tx.select().from(listingChanges)
    .where(and(eq(listingChanges.sourceFile, ctx.fileName), eq(listingChanges.convention, convention)));
  const existing = new Map<string, Record<string, unknown> & { id: number }>();
  const occ = new Map<string, number>();
  for (const r of rows.sort((a, b) => (a.sourceLine ?? 0) - (b.sourceLine ?? 0))) {
    const base = listingKey(r as unknown as ListingFact['values']);
    const n = (occ.get(base) ?? 0) + 1;
    occ.set(base, n);
    existing.set(`${base}#${n}`, r as unknown as Record<string, unknown> & { id: number });
  }
  occ.clear();
  const facts: Fact[] = input.map((f) => {
    const base = listingKey(f.values);
    const n = (occ.get(base) ?? 0) + 1;
    occ.set(base, n);
    return { key: `${base}#${n}`, line: f.line, values: f.values };
  });
  const { status } = await syncFacts(ctx, listingChanges, facts, { existing, keep: opts.keep });
  if (opts.removeStale !== false) {
    const keys = new Set(facts.map((f) => f.key));
    const stale = [...existing].filter(([k]) => !keys.has(k)).map(([, r]) => r.id);
    for (let i = 0; i < stale.length; i += 1000) await ctx.tx.delete(listingChanges).where(inArray(listingChanges.id, stale.slice(i, i + 1000)));
    if (stale.length) ctx.note(`${stale.length} listing changes this file no longer has were removed`);
  }
  countLines(ctx, facts, status);
}

/**
 * is_current of a dated row is written once, on insert: a newer source decides
 * later whether it is still current (data.supersededBy), and a re-import of
 * the older file must not undo that.
 */
export const keepNewerCurrency = (before: Record<string, unknown>): string[] =>
  ((before.data as { supersededBy?: unknown } | null)?.supersededBy ? ['isCurrent', 'data'] : ['isCurrent']);
