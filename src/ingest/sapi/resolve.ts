// Finding the concept a current Species+ delta row means. The deltas are
// keyed by Species+ numeric ids: a concept has one when the 2017 Checklist,
// the API or an earlier delta gave it; otherwise a row that carries a name
// is matched by (full name, rank) within the taxonomy.
import { isNotNull } from 'drizzle-orm';
import { taxonConcepts } from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import type { Tx } from '../../db/client.js';
import type { TaxonomyId } from './common.js';

export interface IndexedConcept { id: number; taxonomyId: string; fullName: string; rank: string; speciesplusId: number | null; parentId: number | null; nameStatus: string }

export class ConceptIndex {
  private bySpp = new Map<string, IndexedConcept>();
  private byName = new Map<string, IndexedConcept[]>();
  readonly byId = new Map<number, IndexedConcept>();

  /** All concepts, or (idsOnly) just those with a Species+ id: enough for id-keyed files, and much faster. */
  static async load(tx: Tx, opts: { idsOnly?: boolean } = {}): Promise<ConceptIndex> {
    const idx = new ConceptIndex();
    const query = tx.select({
      id: taxonConcepts.id, taxonomyId: taxonConcepts.taxonomyId, fullName: taxonConcepts.fullName, rank: taxonConcepts.rank,
      speciesplusId: taxonConcepts.speciesplusId, parentId: taxonConcepts.parentId, nameStatus: taxonConcepts.nameStatus,
    }).from(taxonConcepts);
    const rows = await (opts.idsOnly ? query.where(isNotNull(taxonConcepts.speciesplusId)) : query);
    for (const r of rows) idx.add(r);
    return idx;
  }

  add(c: IndexedConcept): void {
    this.byId.set(c.id, c);
    if (c.speciesplusId != null) this.bySpp.set(`${c.taxonomyId}|${c.speciesplusId}`, c);
    const k = `${c.taxonomyId}|${nameKey(c.fullName)}`;
    const list = this.byName.get(k) ?? [];
    list.push(c);
    this.byName.set(k, list);
  }

  bySpeciesplusId(taxonomy: TaxonomyId, id: string | number | undefined): IndexedConcept | undefined {
    const n = String(id ?? '').trim();
    return n ? this.bySpp.get(`${taxonomy}|${n}`) : undefined;
  }

  /** By full name (and rank when given); accepted names win over others of the same name. */
  byFullName(taxonomy: TaxonomyId, fullName: string, rank?: string | null): IndexedConcept | undefined {
    const list = (this.byName.get(`${taxonomy}|${nameKey(fullName)}`) ?? []).filter((c) => !rank || c.rank === rank);
    return list.find((c) => c.nameStatus === 'A') ?? list[0];
  }

  /** Id first, then name. */
  find(taxonomy: TaxonomyId, id: string | number | undefined, fullName?: string | null, rank?: string | null): IndexedConcept | undefined {
    return this.bySpeciesplusId(taxonomy, id) ?? (fullName ? this.byFullName(taxonomy, fullName, rank) : undefined);
  }

  ancestors(id: number): IndexedConcept[] {
    const out: IndexedConcept[] = [];
    let c = this.byId.get(id);
    while (c?.parentId != null && out.length < 20) {
      c = this.byId.get(c.parentId);
      if (c) out.push(c);
    }
    return out;
  }
}
