// CMS instrument coverage (Agreements, MOUs) of one source file: keyed by
// taxon, instrument and start date, so a re-import writes nothing; rows the
// file wrote before and no longer states are removed.
import { and, eq, inArray } from 'drizzle-orm';
import { instrumentCoverage } from '../../db/schema.js';
import type { ImportContext } from '../run.js';
import { syncFacts, countLines, type Fact } from './facts.js';

export interface CoverageFact {
  line: number;
  taxonConceptId: number;
  /** Code of src/taxonomy/instruments.ts. */
  instrument: string;
  since: string | null;
  isCurrent: boolean;
  populationsIncluded?: string[];
  populationsExcluded?: string[];
  note?: string | null;
  data?: Record<string, unknown>;
}

const keyOf = (f: { taxonConceptId: number; instrument: string; since: string | null }) => `${f.taxonConceptId}|${f.instrument}|${f.since ?? ''}`;

export interface CoverageOptions {
  /** Only rows of these taxa are this file's to remove (a file naming some taxa); default: every row of the file. */
  taxa?: number[];
  /** Fields an existing row keeps (is_current decided by a newer source). */
  keep?: (before: Record<string, unknown>) => string[];
}

export async function writeInstrumentCoverage(ctx: ImportContext, input: CoverageFact[], opts: CoverageOptions = {}): Promise<void> {
  const where = opts.taxa ? and(eq(instrumentCoverage.sourceFile, ctx.fileName), inArray(instrumentCoverage.taxonConceptId, opts.taxa.length ? opts.taxa : [0]))
    : eq(instrumentCoverage.sourceFile, ctx.fileName);
  const rows = await ctx.tx.select().from(instrumentCoverage).where(where);
  const existing = new Map(rows.map((r) => [keyOf({ taxonConceptId: r.taxonConceptId, instrument: r.instrument, since: r.since }), r as unknown as Record<string, unknown> & { id: number }]));
  const byKey = new Map<string, Fact>();
  for (const f of input) {
    const key = keyOf(f);
    if (byKey.has(key)) continue;
    byKey.set(key, {
      key, line: f.line,
      values: {
        taxonConceptId: f.taxonConceptId, instrument: f.instrument, since: f.since, isCurrent: f.isCurrent,
        populationsIncluded: f.populationsIncluded ?? [], populationsExcluded: f.populationsExcluded ?? [], note: f.note ?? null, data: f.data ?? null,
      },
    });
  }
  const facts = [...byKey.values()];
  const { status } = await syncFacts(ctx, instrumentCoverage, facts, { existing, keep: opts.keep });
  const stale = [...existing].filter(([k]) => !byKey.has(k)).map(([, r]) => r.id);
  for (let i = 0; i < stale.length; i += 1000) await ctx.tx.delete(instrumentCoverage).where(inArray(instrumentCoverage.id, stale.slice(i, i + 1000)));
  if (stale.length) ctx.note(`${stale.length} instrument coverages this file no longer states were removed`);
  countLines(ctx, facts, status);
  // A line repeating an earlier line's coverage counts as unchanged.
  const lines = new Set(facts.map((f) => f.line));
  ctx.counts.unchanged += new Set(input.filter((f) => !lines.has(f.line)).map((f) => f.line)).size;
}
