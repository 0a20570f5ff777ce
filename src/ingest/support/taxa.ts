// Taxon concepts for importers: one taxonomy's concepts loaded once into
// memory maps (by Species+ id, by rank + name, synonyms by name + author), and
// the higher-taxa chain (Kingdom .. Genus columns) that sources write on
// every row, from which missing parents are created.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { selectRows } from './batch.js';

export interface ConceptRow {
  id: number;
  speciesplusId: number | null;
  legacyId: string | null;
  fullName: string;
  authorYear: string | null;
  rank: string;
  nameStatus: string;
  parentId: number | null;
  kingdomName: string | null;
  phylumName: string | null;
  className: string | null;
  orderName: string | null;
  familyName: string | null;
  genusName: string | null;
  nameKey: string;
  data: Record<string, unknown> | null;
  importRunId: number | null;
}

/** The higher-taxa columns of taxon_concepts, top down, with the rank each names. */
export const HIGHER_TAXA = [
  { rank: 'KINGDOM', field: 'kingdomName', column: 'kingdom_name' },
  { rank: 'PHYLUM', field: 'phylumName', column: 'phylum_name' },
  { rank: 'CLASS', field: 'className', column: 'class_name' },
  { rank: 'ORDER', field: 'orderName', column: 'order_name' },
  { rank: 'FAMILY', field: 'familyName', column: 'family_name' },
  { rank: 'GENUS', field: 'genusName', column: 'genus_name' },
] as const;

export type HigherTaxa = { [K in (typeof HIGHER_TAXA)[number]['field']]: string | null };

/** Live (not deleted) concepts of one taxonomy. */
export async function loadConcepts(db: Queryable, taxonomyId: string): Promise<ConceptRow[]> {
  const rows = await selectRows<Record<string, unknown>>(db, sql`
    select id, speciesplus_id, legacy_id, full_name, author_year, rank, name_status, parent_id,
           kingdom_name, phylum_name, class_name, order_name, family_name, genus_name, name_key, data, import_run_id
      from taxon_concepts where taxonomy_id = ${taxonomyId} and deleted_at is null order by id`);
  return rows.map((r) => ({
    id: Number(r.id),
    speciesplusId: r.speciesplus_id == null ? null : Number(r.speciesplus_id),
    legacyId: (r.legacy_id as string | null) ?? null,
    fullName: r.full_name as string,
    authorYear: (r.author_year as string | null) ?? null,
    rank: r.rank as string,
    nameStatus: (r.name_status as string).trim(),
    parentId: r.parent_id == null ? null : Number(r.parent_id),
    kingdomName: (r.kingdom_name as string | null) ?? null,
    phylumName: (r.phylum_name as string | null) ?? null,
    className: (r.class_name as string | null) ?? null,
    orderName: (r.order_name as string | null) ?? null,
    familyName: (r.family_name as string | null) ?? null,
    genusName: (r.genus_name as string | null) ?? null,
    nameKey: r.name_key as string,
    data: (r.data as Record<string, unknown> | null) ?? null,
    importRunId: r.import_run_id == null ? null : Number(r.import_run_id),
  }));
}

/** Case-insensitive key of a name at a rank: 'FAMILY|felidae'. */
export const rankNameKey = (rank: string, name: string) => `${rank}|${name.trim().toLowerCase()}`;

/** Key of a synonym: its name and author, case-insensitive for the name. */
export const synonymKey = (name: string, author: string | null) => `${name.trim().toLowerCase()}|${(author ?? '').trim()}`;

/** Look-ups over one taxonomy's concepts. Concepts added during an import can be registered. */
export class ConceptIndex {
  readonly bySpeciesplusId = new Map<number, ConceptRow>();
  /** Accepted-like concepts (any status but S) by rank + name; several when a name is ambiguous. */
  readonly byRankName = new Map<string, ConceptRow[]>();
  /** Synonym concepts (status S) by name + author. */
  readonly synonyms = new Map<string, ConceptRow>();
  readonly byId = new Map<number, ConceptRow>();

  constructor(rows: ConceptRow[]) {
    for (const r of rows) this.add(r);
  }

  add(r: ConceptRow): void {
    this.byId.set(r.id, r);
    if (r.speciesplusId != null) this.bySpeciesplusId.set(r.speciesplusId, r);
    if (r.nameStatus === 'S') {
      const k = synonymKey(r.fullName, r.authorYear);
      if (!this.synonyms.has(k)) this.synonyms.set(k, r);
      return;
    }
    const k = rankNameKey(r.rank, r.fullName);
    const list = this.byRankName.get(k);
    if (list) list.push(r); else this.byRankName.set(k, [r]);
  }

  /**
   * The concept a source row without a known Species+ id stands for: same rank
   * and name (case-insensitive), no Species+ id yet, same kingdom when both
   * know it, not already claimed by another row. Accepted status first, then lowest id.
   */
  matchByName(rank: string, name: string, kingdom: string | null, claimed: Set<number>): ConceptRow | undefined {
    const list = this.byRankName.get(rankNameKey(rank, name)) ?? [];
    const fits = list.filter((c) => c.speciesplusId == null && !claimed.has(c.id)
      && (!kingdom || !c.kingdomName || c.kingdomName.toLowerCase() === kingdom.toLowerCase()));
    return fits.find((c) => c.nameStatus === 'A') ?? fits[0];
  }

  /** Any non-synonym concept of that rank and name (for parents), preferring accepted ones. */
  findTaxon(rank: string, name: string, kingdom: string | null): ConceptRow | undefined {
    const list = this.byRankName.get(rankNameKey(rank, name)) ?? [];
    const fits = list.filter((c) => !kingdom || !c.kingdomName || c.kingdomName.toLowerCase() === kingdom.toLowerCase());
    return fits.find((c) => c.nameStatus === 'A') ?? fits[0];
  }
}

/** The non-empty higher taxa of a row, top down: [{rank:'KINGDOM', name:'Animalia'}, ...]. */
export function higherChain(h: HigherTaxa): { rank: string; name: string }[] {
  const out: { rank: string; name: string }[] = [];
  for (const level of HIGHER_TAXA) {
    const name = h[level.field]?.trim();
    if (name) out.push({ rank: level.rank, name });
  }
  return out;
}

/** The higher-taxa columns down to (and including) `rank`, the rest null: what a created higher taxon carries. */
export function truncateHigher(h: HigherTaxa, rank: string): HigherTaxa {
  const out = {} as HigherTaxa;
  let past = false;
  for (const level of HIGHER_TAXA) {
    out[level.field] = past ? null : (h[level.field]?.trim() || null);
    if (level.rank === rank) past = true;
  }
  return out;
}
