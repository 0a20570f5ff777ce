// Name-engine checklist entries from the database's taxon concepts: every
// accepted name, and every synonym with the id of its accepted concept (one
// entry per accepted concept when a synonym has several, so a match on it is
// reported ambiguous). Used by `concord match --against` and the importers
// that link outside names (IUCN) to concepts.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import type { ChecklistEntry } from '../names/index.js';

export interface EntryOptions {
  /** Taxonomies to include (default both). */
  taxonomies?: ('CITES' | 'CMS')[];
  /** Only this kingdom (e.g. 'Animalia'); concepts without a kingdom take their accepted concept's. */
  kingdom?: string;
  /** Give the matcher each name's author (slower to index; breaks ties between homonyms). */
  withAuthors?: boolean;
}

interface Row { id: number; taxonomy_id: string; full_name: string; author_year: string | null; name_status: string; rank: string; kingdom: string | null }

export async function conceptEntries(db: Queryable, opts: EntryOptions = {}): Promise<ChecklistEntry[]> {
  const taxonomies = opts.taxonomies ?? ['CITES', 'CMS'];
  // Two plain scans joined here: planners without statistics (PGlite) turn the SQL join into nested loops.
  const concepts = (await db.execute(sql`
    select id, taxonomy_id, full_name, author_year, name_status, rank, kingdom_name as kingdom
      from taxon_concepts
     where deleted_at is null and name_status in ('A', 'S') and taxonomy_id in (${sql.join(taxonomies.map((t) => sql`${t}`), sql`, `)})
     order by id`)) as unknown as { rows: Row[] };
  const rels = (await db.execute(sql`select taxon_concept_id, other_taxon_concept_id from taxon_relationships where type = 'HAS_SYNONYM'
     order by other_taxon_concept_id, taxon_concept_id`)) as unknown as { rows: { taxon_concept_id: number; other_taxon_concept_id: number }[] };
  const acceptedOf = new Map<number, number[]>();
  for (const r of rels.rows) {
    const k = Number(r.other_taxon_concept_id);
    acceptedOf.set(k, [...(acceptedOf.get(k) ?? []), Number(r.taxon_concept_id)]);
  }
  const byId = new Map(concepts.rows.map((c) => [Number(c.id), c]));
  const kingdom = opts.kingdom?.toLowerCase();
  const out: ChecklistEntry[] = [];
  for (const c of concepts.rows) {
    const id = Number(c.id);
    const synonym = c.name_status === 'S';
    const accepted = synonym ? (acceptedOf.get(id) ?? []).filter((a) => byId.get(a)?.name_status === 'A') : [null];
    // A synonym of nothing names no concept; a synonym of several gives one entry each.
    accepted.forEach((acc, i) => {
      const k = c.kingdom ?? (acc != null ? byId.get(acc)?.kingdom : null) ?? null;
      if (kingdom && k && k.toLowerCase() !== kingdom) return;
      out.push({
        taxonId: i === 0 ? String(id) : `${id}/${acc}`,
        scientificName: c.full_name,
        authorship: opts.withAuthors ? c.author_year ?? undefined : undefined,
        status: synonym ? 'synonym' : 'accepted',
        acceptedId: acc == null ? null : String(acc),
        taxonomy: c.taxonomy_id,
        kingdom: k ?? undefined,
        rank: c.rank,
      });
    });
  }
  return out;
}
