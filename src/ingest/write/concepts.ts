// Taxon concepts for importers: loaded once into memory maps (by Species+ id,
// by legacy id, by rank + name, by full name, synonyms by name + author), and
// the higher-taxa chain (Kingdom .. Genus columns) that sources write on every
// row, from which missing parents are created. One index for every importer.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { nameKey } from '../../taxonomy/keys.js';
import type { Convention } from '../../taxonomy/conventions.js';
import { selectRows } from './rows.js';

export interface ConceptRow {
  id: number;
  taxonomyId: Convention;
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
  /** Set when a source removed the concept (Species+ `active: false`). */
  deletedAt?: string | null;
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

export interface LoadOptions {
  /** One taxonomy (default both). */
  taxonomy?: Convention;
  /** Only concepts with a Species+ id: enough for id-keyed files, and much faster. */
  idsOnly?: boolean;
  /** Include removed (deleted) concepts (default false). */
  withDeleted?: boolean;
}

/** Concepts with every key importers resolve by. */
export async function loadConcepts(db: Queryable, opts: LoadOptions = {}): Promise<ConceptRow[]> {
  const where = [
    opts.taxonomy ? sql`taxonomy_id = ${opts.taxonomy}` : sql`true`,
    opts.idsOnly ? sql`speciesplus_id is not null` : sql`true`,
    opts.withDeleted ? sql`true` : sql`deleted_at is null`,
  ];
  const rows = await selectRows<Record<string, unknown>>(db, sql`
    select id, taxonomy_id, speciesplus_id, legacy_id, full_name, author_year, rank, name_status, parent_id,
           kingdom_name, phylum_name, class_name, order_name, family_name, genus_name, name_key, data, import_run_id, deleted_at::text as deleted_at
      from taxon_concepts where ${sql.join(where, sql` and `)} order by id`);
  return rows.map((r) => ({
    id: Number(r.id),
    taxonomyId: r.taxonomy_id as Convention,
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
    deletedAt: (r.deleted_at as string | null) ?? null,
  }));
}

/** Case-insensitive key of a name at a rank: 'FAMILY|felidae'. */
export const rankNameKey = (rank: string, name: string) => `${rank}|${name.trim().toLowerCase()}`;

/** Key of a synonym: its name and author, case-insensitive for the name. */
export const synonymKey = (name: string, author: string | null) => `${name.trim().toLowerCase()}|${(author ?? '').trim()}`;

const sameKingdom = (kingdom: string | null, c: ConceptRow) => !kingdom || !c.kingdomName || c.kingdomName.toLowerCase() === kingdom.toLowerCase();

/** Look-ups over the concepts of one or both taxonomies. Concepts added during an import can be registered. */
export class ConceptIndex {
  readonly byId = new Map<number, ConceptRow>();
  private readonly bySpp = new Map<string, ConceptRow>();
  private readonly byLegacyId = new Map<string, ConceptRow>();
  /** Accepted-like concepts (any status but S) by taxonomy + rank + name; several when a name is ambiguous. */
  private readonly byRankName = new Map<string, ConceptRow[]>();
  private readonly byName = new Map<string, ConceptRow[]>();
  /** Synonym concepts (status S) by taxonomy + name + author. */
  private readonly synonymsByKey = new Map<string, ConceptRow>();

  static async load(db: Queryable, opts: LoadOptions = {}): Promise<ConceptIndex> {
    return new ConceptIndex(await loadConcepts(db, opts));
  }

  constructor(rows: ConceptRow[]) {
    for (const r of rows) this.add(r);
  }

  add(r: ConceptRow): void {
    this.byId.set(r.id, r);
    if (r.speciesplusId != null) this.bySpp.set(`${r.taxonomyId}|${r.speciesplusId}`, r);
    // A removed concept is found by its Species+ id only (a source may name it again).
    if (r.deletedAt) return;
    if (r.legacyId) this.byLegacyId.set(`${r.taxonomyId}|${r.legacyId}`, r);
    push(this.byName, `${r.taxonomyId}|${nameKey(r.fullName)}`, r);
    if (r.nameStatus === 'S') {
      const k = `${r.taxonomyId}|${synonymKey(r.fullName, r.authorYear)}`;
      if (!this.synonymsByKey.has(k)) this.synonymsByKey.set(k, r);
      return;
    }
    push(this.byRankName, `${r.taxonomyId}|${rankNameKey(r.rank, r.fullName)}`, r);
  }

  bySpeciesplusId(taxonomy: Convention, id: string | number | null | undefined): ConceptRow | undefined {
    const n = String(id ?? '').trim();
    return n ? this.bySpp.get(`${taxonomy}|${n}`) : undefined;
  }

  byLegacy(taxonomy: Convention, legacyId: string): ConceptRow | undefined {
    return this.byLegacyId.get(`${taxonomy}|${legacyId}`);
  }

  synonym(taxonomy: Convention, name: string, author: string | null): ConceptRow | undefined {
    return this.synonymsByKey.get(`${taxonomy}|${synonymKey(name, author)}`);
  }

  /** By full name (and rank when given); accepted names win over others of the same name. */
  byFullName(taxonomy: Convention, fullName: string, rank?: string | null): ConceptRow | undefined {
    const list = (this.byName.get(`${taxonomy}|${nameKey(fullName)}`) ?? []).filter((c) => !rank || c.rank === rank);
    return list.find((c) => c.nameStatus === 'A') ?? list[0];
  }

  /** Species+ id first, then name. */
  find(taxonomy: Convention, id: string | number | undefined, fullName?: string | null, rank?: string | null): ConceptRow | undefined {
    return this.bySpeciesplusId(taxonomy, id) ?? (fullName ? this.byFullName(taxonomy, fullName, rank) : undefined);
  }

  /**
   * The concept a source row without a known Species+ id stands for: same rank
   * and name (case-insensitive), no Species+ id yet, same kingdom when both
   * know it, not already claimed by another row. Accepted status first, then lowest id.
   */
  matchByName(taxonomy: Convention, rank: string, name: string, kingdom: string | null, claimed: Set<number>): ConceptRow | undefined {
    const list = this.byRankName.get(`${taxonomy}|${rankNameKey(rank, name)}`) ?? [];
    const fits = list.filter((c) => c.speciesplusId == null && !claimed.has(c.id) && sameKingdom(kingdom, c));
    return fits.find((c) => c.nameStatus === 'A') ?? fits[0];
  }

  /** Any non-synonym concept of that rank and name (for parents), preferring accepted ones. */
  findTaxon(taxonomy: Convention, rank: string, name: string, kingdom: string | null): ConceptRow | undefined {
    const fits = (this.byRankName.get(`${taxonomy}|${rankNameKey(rank, name)}`) ?? []).filter((c) => sameKingdom(kingdom, c));
    return fits.find((c) => c.nameStatus === 'A') ?? fits[0];
  }

  ancestors(id: number): ConceptRow[] {
    const out: ConceptRow[] = [];
    let c = this.byId.get(id);
    while (c?.parentId != null && out.length < 20) {
      c = this.byId.get(c.parentId);
      if (c) out.push(c);
    }
    return out;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
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

/** '<taxonomy>|<legacy id>' -> concept id; with fact targets, the id its facts go to (a synonym's accepted concept). */
export function byLegacy(concepts: ConceptRow[], targets?: Map<number, number>): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of concepts) if (c.legacyId) m.set(`${c.taxonomyId}|${c.legacyId}`, targets?.get(c.id) ?? c.id);
  return m;
}

/**
 * Where the facts of a concept go: a synonym (or trade name) with exactly one
 * accepted concept in its taxonomy stands for that concept, so its
 * distributions, names and listing changes belong there; every other concept
 * keeps its own. (Uncia uncia, named accepted by the 2017 Checklist, is a
 * synonym of Panthera uncia since CoP18: its 13 range States are Panthera uncia's.)
 */
export async function loadFactTargets(db: Queryable, taxonomy?: Convention): Promise<Map<number, number>> {
  const rows = await selectRows<{ id: number; accepted: number }>(db, sql`
    select s.id, min(a.id) as accepted
      from taxon_concepts s
      join taxon_relationships r on r.other_taxon_concept_id = s.id and r.type in ('HAS_SYNONYM', 'HAS_TRADE_NAME')
      join taxon_concepts a on a.id = r.taxon_concept_id and a.name_status = 'A' and a.deleted_at is null and a.taxonomy_id = s.taxonomy_id
     where s.name_status in ('S', 'T') and s.deleted_at is null ${taxonomy ? sql`and s.taxonomy_id = ${taxonomy}` : sql``}
     group by s.id having count(distinct a.id) = 1`);
  return new Map(rows.map((r) => [Number(r.id), Number(r.accepted)]));
}

/** A target function over loaded fact targets: the accepted concept, else the concept itself. */
export function targetOf(targets: Map<number, number>): (id: number) => number {
  return (id) => targets.get(id) ?? id;
}
