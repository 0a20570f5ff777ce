// What the knowledge base covers, per convention, from the import runs and
// the meetings it knows: the newest complete source (the day its Appendix list
// is complete to), the newer partial sources, and which CoPs/COPs that covers.
import type { Database } from '../client.js';

type Query = <T>(text: string) => Promise<T[]>;
import { CONVENTIONS, type Convention } from '../../taxonomy/conventions.js';
import { COMPLETE_SOURCES, PARTIAL_SOURCES } from '../../taxonomy/sources.js';

export interface SourceAsOf { source: string; file: string; as_of: string }
export interface ConventionCoverage {
  complete: SourceAsOf | null;
  /** Newer sources that state part of the list (some taxa), newest first. */
  partial: SourceAsOf[];
  /** Listing changes recorded by hand in Concord, and the newest one's day. */
  recorded: { count: number; latest: string | null };
  meetings: { name: string; date: string | null; covered: boolean }[];
}

export async function coverage(database: Database | Query): Promise<Record<Convention, ConventionCoverage>> {
  const query: Query = typeof database === 'function' ? database : <T>(text: string) => database.query<T>(text);
  const runs = await query<{ source: string; file: string; as_of: string }>(`
    select distinct on (source, file) source, file, to_char(as_of, 'YYYY-MM-DD') as_of from import_runs
     where status = 'succeeded' and as_of is not null order by source, file, id desc`);
  const meetings = await query<{ convention: string; name: string; date: string | null }>(`
    select convention, name, to_char(effective_at, 'YYYY-MM-DD') date from events where type = 'COP' order by convention, effective_at nulls last, name`);
  const recorded = await query<{ convention: string; n: string; latest: string | null }>(`
    select convention, count(*) n, to_char(max(effective_at), 'YYYY-MM-DD') latest from listing_changes where data->>'origin' = 'curated' group by 1`);
  const out = {} as Record<Convention, ConventionCoverage>;
  for (const c of CONVENTIONS) {
    const complete = runs.filter((r) => COMPLETE_SOURCES[c].includes(r.source)).sort((a, b) => b.as_of.localeCompare(a.as_of))[0] ?? null;
    const partial = runs.filter((r) => PARTIAL_SOURCES[c].includes(r.source) && (!complete || r.as_of > complete.as_of)).sort((a, b) => b.as_of.localeCompare(a.as_of));
    const rec = recorded.find((r) => r.convention === c);
    out[c] = {
      complete, partial,
      recorded: { count: Number(rec?.n ?? 0), latest: rec?.latest ?? null },
      meetings: meetings.filter((m) => m.convention === c).map((m) => ({ name: m.name, date: m.date, covered: Boolean(complete && m.date && m.date <= complete.as_of) })),
    };
  }
  return out;
}
