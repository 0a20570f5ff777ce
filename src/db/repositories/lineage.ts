// What the listing engine needs to compute one concept's status on a date:
// the concept, its ancestors (inheritance flows down), its whole subtree
// (a higher taxon's summary folds up from its descendants), and the listing
// changes of all of them. One recursive query for the tree, one for the changes.
import type { Database } from '../client.js';

export interface LineageNode {
  id: number; full_name: string; rank: string; parent_id: number | null; in_checklist: boolean;
  /** The concept or one of its ancestors (not a descendant). */
  in_lineage: boolean;
}

export interface ListingChangeRow {
  id: number; taxon_concept_id: number; convention: string; appendix: string; change_type: string; effective_at: string | null;
  party_iso2: string | null; is_current: boolean; populations_included: string[]; populations_excluded: string[];
  inclusion_taxon_concept_id: number | null; excluded_taxon_concept_ids: number[];
  annotation_en: string | null; annotation_es: string | null; annotation_fr: string | null; full_annotation_en: string | null;
  hash_symbol: string | null; hash_annotation_en: string | null;
}

/**
 * The concept, its ancestors and its descendants (accepted, not removed: the
 * tree the full recompute sees), with `in_checklist` for the Checklist's
 * "named, not listed" rule. Empty when there is no such concept. Columns are
 * read while descending (a second lookup of 26,000 rows doubled the time);
 * `union` there, not `union all`, so a cycle in bad data ends.
 */
const TREE_SQL = `
  with recursive up(id, parent_id, depth) as (
    select c.id, c.parent_id, 0 from taxon_concepts c where c.id = $1
    union all select p.id, p.parent_id, u.depth + 1 from taxon_concepts p join up u on p.id = u.parent_id where u.depth < 20
  ), down(id, full_name, rank, parent_id, in_checklist) as (
    select c.id, c.full_name, c.rank, c.parent_id, c.data ? 'currentListing' from taxon_concepts c where c.id = $1
    union select c.id, c.full_name, c.rank, c.parent_id, c.data ? 'currentListing' from taxon_concepts c join down d on c.parent_id = d.id
      where c.deleted_at is null and c.name_status not in ('S', 'T')
  )
  select d.id, d.full_name, d.rank, d.parent_id, d.in_checklist, d.id = $1 as in_lineage from down d
  union all
  select c.id, c.full_name, c.rank, c.parent_id, c.data ? 'currentListing', true from up u join taxon_concepts c on c.id = u.id where u.depth > 0`;

/**
 * Annotation texts only where they can reach the concept's reasons: its own
 * and its ancestors' changes (`$2`, a handful of ids). A descendant adds only
 * its appendices to the summary, and Orchidaceae's 26,000 descendants carry
 * 73 MB of annotations. `in (select unnest(...))` is hashed; `= any(array)`
 * would scan the long array for every row.
 */
const text = (column: string) => `case when l.taxon_concept_id = any($2::int[]) then l.${column} end as ${column}`;
const CHANGES_SQL = `
  select l.id, l.taxon_concept_id, l.convention, l.appendix, l.change_type, to_char(l.effective_at, 'YYYY-MM-DD') effective_at, l.party_iso2,
         l.is_current, l.populations_included, l.populations_excluded, l.inclusion_taxon_concept_id, l.excluded_taxon_concept_ids,
         ${['annotation_en', 'annotation_es', 'annotation_fr', 'full_annotation_en'].map(text).join(', ')}, l.hash_symbol, ${text('hash_annotation_en')}
    from listing_changes l where l.taxon_concept_id in (select unnest($1::int[])) order by l.id`;

/** A concept with its ancestors and subtree, and every listing change of them. */
export async function lineageWithChanges(database: Database, id: number): Promise<{ nodes: LineageNode[]; changes: ListingChangeRow[] }> {
  const nodes = (await database.query<LineageNode>(TREE_SQL, [id])).map((n) => ({
    ...n, id: Number(n.id), parent_id: n.parent_id === null ? null : Number(n.parent_id),
  }));
  if (!nodes.length) return { nodes, changes: [] };
  const lineage = nodes.filter((n) => n.in_lineage).map((n) => n.id);
  const changes = await database.query<ListingChangeRow>(CHANGES_SQL, [nodes.map((n) => n.id), lineage]);
  return { nodes, changes };
}
