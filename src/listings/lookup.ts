// Finding the taxon concept a user means, in each convention's taxonomy: an
// accepted name, a synonym (resolved to its accepted concept), or a common
// name; else the nearest names (trigram similarity) for a "no such taxon".
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { nameKey } from '../taxonomy/keys.js';
import { normalise } from '../names/index.js';
import { rows } from './repository.js';
import type { Convention, TaxonRef } from './types.js';

export interface ResolvedTaxon extends TaxonRef {
  /** How the query reached it: 'name', 'synonym' (of the query) or 'common name'. */
  via: 'name' | 'synonym' | 'common name';
  /** The name the query matched, when not the accepted name itself. */
  matched?: string;
}

export interface Resolution {
  taxa: Record<Convention, ResolvedTaxon | null>;
  /** Nearest names when nothing matched. */
  suggestions: string[];
}

interface Row { id: number; full_name: string; rank: string; taxonomy_id: string; name_status: string; matched: string | null; in_checklist: boolean }

const PREFERENCE: Record<string, number> = { A: 0, N: 1, H: 2 };

/** Accepted concepts for a name key in both taxonomies (synonyms followed to their accepted name). */
async function byKey(q: Queryable, key: string): Promise<(Row & { via: ResolvedTaxon['via'] })[]> {
  const direct = await rows<Row>(q, sql`
    select c.id, c.full_name, c.rank, c.taxonomy_id, c.name_status, null as matched, coalesce(c.data ? 'currentListing', false) as in_checklist from taxon_concepts c
    where c.name_key = ${key} and c.deleted_at is null and c.name_status not in ('S', 'T')`);
  const synonyms = await rows<Row>(q, sql`
    select a.id, a.full_name, a.rank, a.taxonomy_id, a.name_status, s.full_name as matched, coalesce(a.data ? 'currentListing', false) as in_checklist
    from taxon_concepts s join taxon_relationships r on r.other_taxon_concept_id = s.id and r.type in ('HAS_SYNONYM', 'HAS_TRADE_NAME')
    join taxon_concepts a on a.id = r.taxon_concept_id and a.deleted_at is null
    where s.name_key = ${key} and s.deleted_at is null and s.name_status in ('S', 'T')`);
  const common = await rows<Row>(q, sql`
    select distinct a.id, a.full_name, a.rank, a.taxonomy_id, a.name_status, n.name as matched, coalesce(a.data ? 'currentListing', false) as in_checklist
    from common_names n join taxon_concepts a on a.id = n.taxon_concept_id and a.deleted_at is null
    where n.name_key = ${key}`);
  return [
    ...direct.map((r) => ({ ...r, via: 'name' as const })),
    ...synonyms.map((r) => ({ ...r, via: 'synonym' as const })),
    ...common.map((r) => ({ ...r, via: 'common name' as const })),
  ];
}

export async function resolveTaxon(q: Queryable, name: string): Promise<Resolution> {
  const keys = [nameKey(name)];
  const canonical = normalise(name)?.canonical;
  if (canonical && !keys.includes(nameKey(canonical))) keys.push(nameKey(canonical));
  const taxa: Record<Convention, ResolvedTaxon | null> = { CITES: null, CMS: null };
  for (const key of keys) {
    const found = await byKey(q, key);
    for (const convention of ['CITES', 'CMS'] as const) {
      if (taxa[convention]) continue;
      const best = found.filter((r) => r.taxonomy_id === convention)
        .sort((a, b) => rankOf(a) - rankOf(b) || Number(a.id) - Number(b.id))[0];
      if (best) {
        taxa[convention] = {
          id: Number(best.id), name: best.full_name, rank: best.rank, via: best.via,
          ...(best.matched && best.matched !== best.full_name ? { matched: best.matched } : {}),
        };
      }
    }
    if (taxa.CITES && taxa.CMS) break;
  }
  const suggestions = taxa.CITES || taxa.CMS ? [] : await nearestNames(q, nameKey(canonical ?? name));
  return { taxa, suggestions };
}

/** Name before synonym before common name; accepted first; the concept the newest Checklist names first. */
const rankOf = (r: Row & { via: string }) => (r.via === 'name' ? 0 : r.via === 'synonym' ? 10 : 20) + (PREFERENCE[r.name_status] ?? 5) * 2 + (r.in_checklist ? 0 : 1);

/** Up to five names closest to `key` (pg_trgm), scientific and common. */
export async function nearestNames(q: Queryable, key: string, limit = 5): Promise<string[]> {
  if (!key) return [];
  const found = await rows<{ name: string; s: number }>(q, sql`
    select name, max(s) as s from (
      select c.full_name as name, similarity(c.name_key, ${key}) as s from taxon_concepts c
      where c.name_key % ${key} and c.deleted_at is null
      union all
      select n.name, similarity(n.name_key, ${key}) from common_names n where n.name_key % ${key}
    ) x group by name order by s desc, name limit ${limit}`);
  return found.map((r) => r.name);
}
