// Bring one taxonomy in line with a source file's taxa, in memory then in
// batches: match each source taxon to an existing concept (Species+ id, else
// rank + name among concepts without one), create missing parents from the
// higher-taxa columns, then diff and write synonyms, common names,
// distributions and current listing changes. A re-import of the same file
// finds nothing to change and writes nothing.
//
// Ownership: a fact (synonym link, common name, distribution) belongs to this
// importer when one of its runs wrote it (import_run_id); a listing change when
// data.importer names it. Only owned facts of the taxa in the file are ever
// removed; other sources' facts are kept (a distribution's tags are updated,
// the newer source wins). Taxa absent from the file are left alone, so a slice
// is not a deletion.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ImportContext } from '../run.js';
import { nameKey } from '../../taxonomy/keys.js';
import { rankIndex } from '../../taxonomy/ranks.js';
import { insertRows, updateRows, deleteRows, selectRows, sameValue, canonicalJson, runIdsOf, type ColumnTypes } from './rows.js';
import { ConceptIndex, loadConcepts, loadFactTargets, targetOf, higherChain, truncateHigher, HIGHER_TAXA, synonymKey, type ConceptRow, type HigherTaxa } from './concepts.js';
import type { NameWithAuthor } from '../cells/synonyms.js';
import { isNewer, runDates } from './lookups.js';
import { writeInstrumentCoverage } from './instruments.js';

/** One current (or historic) listing change as a source states it. */
export interface ListingFact {
  convention: string;
  appendix: string;
  changeType: string;
  isCurrent: boolean;
  effectiveAt: string | null;
  partyIso2: string | null;
  populationsIncluded: string[];
  populationsExcluded: string[];
  annotationEn: string | null;
  annotationEs: string | null;
  annotationFr: string | null;
  fullAnnotationEn: string | null;
  hashSymbol: string | null;
  hashAnnotationEn: string | null;
  nomenclatureNote: string | null;
  data: Record<string, unknown>;
  /** Source line of this listing change when it differs from the taxon's (one line per change in history files). */
  line?: number;
  /** The higher taxon the source says it is listed under ("Kinosternon spp."): the listing is reported as inherited from it. */
  inclusionName?: string | null;
}

/** A taxon as a source row states it. */
export interface SourceTaxon {
  line: number;
  /** Every source line this taxon stands for, when several (history files); each is counted like `line`. */
  lines?: number[];
  /** Null for a source without Species+ ids (the CMS amendments): matched by rank and name. */
  speciesplusId: number | null;
  rank: string;
  fullName: string;
  author: string | null;
  higher: HigherTaxa;
  /** 'Genus species' of an infraspecific taxon: its parent. */
  speciesName: string | null;
  /** Merged over the concept's data (other keys are kept). */
  data: Record<string, unknown>;
  synonyms?: NameWithAuthor[];
  commonNames?: { language: string; name: string }[];
  /** geo entity id -> distribution tags ([] = native). */
  distributions?: Map<number, string[]>;
  /** The full set of this taxon's listing changes from this source (replaces the owned ones). */
  listings?: ListingFact[];
  /** CMS Agreements and MOUs covering it (replace this importer's coverage of the taxon). */
  instruments?: { instrument: string; since: string | null; note: string | null }[];
}

export interface SyncOptions {
  taxonomyId: 'CITES' | 'CMS';
  /** The importer format owning the facts written (e.g. 'checklist-csv'). */
  importer: string;
  /** data.source of created concepts, e.g. 'checklist-2017'. */
  source: string;
  /** Set is_current=false (and data.supersededBy = source) on other sources' current listing changes of this convention for the taxa in the file. */
  supersedeCurrent?: string;
  /** An infraspecific row whose species is nowhere: create the species from the row's genus and species (default: reject the row). */
  createMissingSpecies?: boolean;
}

export interface SyncResult {
  createdHigherTaxa: number;
  createdSynonyms: number;
  supersededListingChanges: number;
  /** Milliseconds per phase (load, plan, concepts, synonyms, names, distributions, listings). */
  timings: Record<string, number>;
}

type RowState = 'new' | 'updated' | 'unchanged';

interface Planned {
  key: string;
  rank: string;
  fullName: string;
  higher: HigherTaxa;
  kingdom: string | null;
  parentKey: string | null;
  existing?: ConceptRow;
  row?: SourceTaxon;
  id?: number;
}

const CONCEPT_COLUMNS: ColumnTypes = {
  taxonomy_id: 'text', speciesplus_id: 'integer', full_name: 'text', author_year: 'text', rank: 'text',
  name_status: 'text', parent_id: 'integer', kingdom_name: 'text', phylum_name: 'text', class_name: 'text',
  order_name: 'text', family_name: 'text', genus_name: 'text', name_key: 'text', data: 'jsonb',
  import_run_id: 'integer', source_file: 'text', source_line: 'integer',
};

const INFRASPECIFIC = new Set(['SUBSPECIES', 'VARIETY', 'FORM']);
const planKey = (kingdom: string | null, rank: string, name: string) => `${(kingdom ?? '').toLowerCase()}|${rank}|${name.trim().toLowerCase()}`;

/**
 * Sync the taxa (already validated rows) into the taxonomy. Rows whose parent
 * cannot be found are rejected here (with their descendants).
 */
export async function syncTaxa(ctx: ImportContext, rows: SourceTaxon[], opts: SyncOptions): Promise<SyncResult> {
  const tx = ctx.tx;
  const index = new ConceptIndex(await loadConcepts(tx, { taxonomy: opts.taxonomyId, withDeleted: true }));
  const dates = await runDates(tx);
  const owned = await runIdsOf(tx, [opts.importer]);
  owned.add(ctx.runId);
  const state = new Map<number, RowState>();
  const touch = (line: number, s: RowState) => {
    const prev = state.get(line);
    if (!prev || prev === 'unchanged' || (prev === 'updated' && s === 'new')) state.set(line, s);
  };

  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (phase: string) => { timings[phase] = Date.now() - t; t = Date.now(); };
  lap('load');
  const plan = planConcepts(ctx, rows, index, opts.taxonomyId, (c) => c.importRunId != null && isNewer(dates.get(c.importRunId), ctx.asOf), opts);
  const accepted = rows.filter((r) => plan.byLine.has(r.line));
  lap('plan');
  const created = await writeConcepts(ctx, plan.ordered, opts, touch);
  lap('concepts');
  const { factRows, sameAs } = factRowsOf(accepted, plan, targetOf(await loadFactTargets(tx, opts.taxonomyId)));
  const createdSynonyms = await syncSynonyms(ctx, index, factRows, owned, opts, touch);
  lap('synonyms');
  await syncCommonNames(ctx, factRows, owned, opts, touch);
  lap('names');
  await syncDistributions(ctx, factRows, owned, opts, touch);
  lap('distributions');
  // Higher taxa a listing is "listed under": planned in this file (created just now) or known before.
  const planned = new Map(plan.ordered.filter((p) => p.id != null).map((p) => [nameKey(p.fullName), p.id!]));
  const byName = (name: string) => planned.get(nameKey(name)) ?? index.byFullName(opts.taxonomyId, name)?.id ?? null;
  const superseded = await syncListings(ctx, byName, factRows, opts, touch);
  lap('listings');
  await syncInstruments(ctx, factRows, opts, touch);

  for (const r of accepted) {
    const s = state.get(sameAs.get(r.line) ?? r.line) ?? 'unchanged';
    for (const _ of r.lines ?? [r.line]) {
      if (s === 'new') ctx.counts.accepted++; else if (s === 'updated') ctx.counts.updated++; else ctx.counts.unchanged++;
    }
  }
  return { createdHigherTaxa: created, createdSynonyms, supersededListingChanges: superseded, timings };
}

interface Plan { ordered: Planned[]; byLine: Map<number, Planned> }

/** A source taxon with the concept its facts go to (its own, or the accepted one of a synonym). */
type FactRow = SourceTaxon & { targetId: number };

/**
 * The facts of each row go to its concept's fact target; rows that land on
 * one concept (a synonym row and its accepted name's row) pool their facts.
 * `sameAs` maps a pooled row's line to the line that carries its facts.
 */
function factRowsOf(rows: SourceTaxon[], plan: Plan, target: (id: number) => number): { factRows: FactRow[]; sameAs: Map<number, number> } {
  const byTarget = new Map<number, FactRow>();
  const sameAs = new Map<number, number>();
  for (const r of rows) {
    const id = target(plan.byLine.get(r.line)!.id!);
    const first = byTarget.get(id);
    if (!first) { byTarget.set(id, { ...r, targetId: id }); continue; }
    sameAs.set(r.line, first.line);
    if (r.synonyms) first.synonyms = [...(first.synonyms ?? []), ...r.synonyms];
    if (r.commonNames) first.commonNames = [...(first.commonNames ?? []), ...r.commonNames];
    if (r.listings) first.listings = [...(first.listings ?? []), ...r.listings];
    if (r.distributions) {
      const merged = new Map(first.distributions ?? []);
      for (const [geo, tags] of r.distributions) merged.set(geo, [...new Set([...(merged.get(geo) ?? []), ...tags])]);
      first.distributions = merged;
    }
  }
  return { factRows: [...byTarget.values()], sameAs };
}

/** Match every row to a concept (or a new one) and find its parent, creating missing higher taxa. */
function planConcepts(ctx: ImportContext, rows: SourceTaxon[], index: ConceptIndex, taxonomy: 'CITES' | 'CMS', newerWriter: (c: ConceptRow) => boolean, opts: SyncOptions): Plan {
  const planned = new Map<string, Planned>();
  const byLine = new Map<number, Planned>();
  const claimed = new Set<number>();
  const sorted = [...rows].sort((a, b) => rankIndex(a.rank) - rankIndex(b.rank) || a.line - b.line);
  const fileKeys = new Map<string, number>();
  const rejectAll = (r: SourceTaxon, field: string, reason: string) => { for (const line of r.lines ?? [r.line]) ctx.reject(line, field, reason); };
  for (const r of sorted) {
    const key = planKey(r.higher.kingdomName, r.rank, r.fullName);
    const other = fileKeys.get(key);
    if (other != null) { rejectAll(r, 'FullName', `a name unique at its rank; ${r.rank} ${r.fullName} is also on line ${other}`); continue; }
    fileKeys.set(key, r.line);
  }
  const rejectedKeys = new Set<string>();

  /** The plan key of a higher taxon, planning it (as a created concept) when no row or concept has it. */
  const ensureHigher = (rank: string, name: string, higher: HigherTaxa, parentKey: string | null): string | null => {
    const key = planKey(higher.kingdomName, rank, name);
    if (planned.has(key)) return key;
    if (rejectedKeys.has(key)) return null;
    const existing = index.findTaxon(taxonomy, rank, name, higher.kingdomName);
    if (existing) claimed.add(existing.id);
    planned.set(key, { key, rank, fullName: name, higher: truncateHigher(higher, rank), kingdom: higher.kingdomName, parentKey, existing });
    return key;
  };

  for (const r of sorted) {
    const key = planKey(r.higher.kingdomName, r.rank, r.fullName);
    if (fileKeys.get(key) !== r.line) continue;
    let parentKey: string | null = null;
    if (INFRASPECIFIC.has(r.rank)) {
      const speciesKey = planKey(r.higher.kingdomName, 'SPECIES', r.speciesName ?? '');
      if (planned.has(speciesKey)) parentKey = speciesKey;
      else if (r.speciesName && !rejectedKeys.has(speciesKey) && !fileKeys.has(speciesKey) && index.findTaxon(taxonomy, 'SPECIES', r.speciesName, r.higher.kingdomName)) {
        parentKey = ensureHigher('SPECIES', r.speciesName, r.higher, null);
        const p = planned.get(parentKey!)!;
        p.parentKey = p.existing?.parentId != null ? null : p.parentKey; // keep an existing species' own parent
      } else if (opts.createMissingSpecies && r.speciesName && !rejectedKeys.has(speciesKey)) {
        // The species the row names is created from its genus and higher-taxa columns.
        let up: string | null = null;
        for (const h of higherChain(r.higher)) up = ensureHigher(h.rank, h.name, r.higher, up) ?? up;
        parentKey = ensureHigher('SPECIES', r.speciesName, r.higher, up);
      } else {
        rejectedKeys.add(key);
        rejectAll(r, 'Species', `a parent taxon: SPECIES ${r.speciesName ?? '(none)'} is neither in the file nor in the database`);
        continue;
      }
    } else {
      const chain = higherChain(r.higher).filter((h) => rankIndex(h.rank) < rankIndex(r.rank));
      let missing = false;
      for (const h of chain) {
        const k = ensureHigher(h.rank, h.name, r.higher, parentKey);
        if (!k) { missing = true; break; }
        parentKey = k;
      }
      if (missing || (chain.length === 0 && r.rank !== 'KINGDOM')) {
        rejectedKeys.add(key);
        rejectAll(r, chain.length === 0 ? 'Kingdom' : 'FullName', 'a parent taxon: the higher-taxa columns name none that could be placed');
        continue;
      }
    }
    const existing = index.bySpeciesplusId(taxonomy, r.speciesplusId) ?? index.matchByName(taxonomy, r.rank, r.fullName, r.higher.kingdomName, claimed);
    // Removed by a newer source (Species+ active: false): an older file does not bring it back.
    if (existing?.deletedAt && newerWriter(existing)) {
      ctx.note(`line ${r.line}: ${r.fullName} (Species+ ${r.speciesplusId}) was removed by a newer source; left removed`);
      rejectedKeys.add(key);
      continue;
    }
    if (existing) claimed.add(existing.id);
    const p: Planned = { key, rank: r.rank, fullName: r.fullName, higher: r.higher, kingdom: r.higher.kingdomName, parentKey, existing, row: r };
    planned.set(key, p);
    byLine.set(r.line, p);
  }
  const ordered = [...planned.values()].sort((a, b) => rankIndex(a.rank) - rankIndex(b.rank));
  return { ordered, byLine };
}

/** Insert new concepts level by level (parents first), then update changed ones in batches. Returns the number of created higher taxa. */
async function writeConcepts(ctx: ImportContext, ordered: Planned[], opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<number> {
  const byKey = new Map(ordered.map((p) => [p.key, p]));
  const parentId = (p: Planned) => (p.parentKey ? byKey.get(p.parentKey)?.id ?? null : p.existing?.parentId ?? null);
  for (const p of ordered) if (p.existing) p.id = p.existing.id;
  let createdHigher = 0;
  const levels = new Map<number, Planned[]>();
  for (const p of ordered) if (!p.existing) {
    const l = rankIndex(p.rank);
    const list = levels.get(l) ?? [];
    list.push(p);
    levels.set(l, list);
  }
  for (const l of [...levels.keys()].sort((a, b) => a - b)) {
    const level = levels.get(l)!;
    const values = level.map((p) => ({ ...desired(p, parentId(p), opts), taxonomy_id: opts.taxonomyId, source_file: ctx.fileName, import_run_id: ctx.runId, source_line: p.row?.line ?? null }));
    const back = await insertRows<{ id: number; rank: string; full_name: string; kingdom_name: string | null }>(
      ctx.tx, 'taxon_concepts', CONCEPT_COLUMNS, values, { returning: ['id', 'rank', 'full_name', 'kingdom_name'] });
    for (const b of back) {
      const p = byKey.get(planKey(b.kingdom_name, b.rank, b.full_name));
      if (p) p.id = Number(b.id);
    }
    for (const p of level) {
      if (p.id == null) throw new Error(`taxon concept ${p.rank} ${p.fullName} was not inserted`);
      if (p.row) touch(p.row.line, 'new'); else createdHigher++;
    }
  }
  const updates: Record<string, unknown>[] = [];
  const dataOnly: (Record<string, unknown> & { id: number })[] = [];
  const fields = ['speciesplus_id', 'full_name', 'author_year', 'rank', 'name_status', 'parent_id', 'kingdom_name', 'phylum_name', 'class_name', 'order_name', 'family_name', 'genus_name', 'name_key', 'data', 'deleted_at'] as const;
  const dates = await runDates(ctx.tx);
  for (const p of ordered) {
    if (!p.existing) continue;
    const want = desired(p, parentId(p), opts);
    const have = currentValues(p.existing);
    if (fields.every((f) => sameValue(have[f], want[f]))) continue;
    // A newer source named this concept last (the Species+ API made Uncia uncia a synonym of
    // Panthera uncia): its name, status and place in the tree stand; only this file's data is added.
    if (p.existing.importRunId != null && isNewer(dates.get(p.existing.importRunId), ctx.asOf)) {
      if (!sameValue(have.data, want.data)) {
        dataOnly.push({ id: p.existing.id, data: want.data });
        if (p.row) touch(p.row.line, 'updated');
      }
      continue;
    }
    updates.push({ ...have, ...want, id: p.existing.id, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: p.row?.line ?? null, updated_at: new Date().toISOString() });
    if (p.row) touch(p.row.line, 'updated');
  }
  const { taxonomy_id: _t, ...updatable } = CONCEPT_COLUMNS;
  await updateRows(ctx.tx, 'taxon_concepts', { ...updatable, updated_at: 'timestamptz', deleted_at: 'timestamptz' }, updates as (Record<string, unknown> & { id: number })[]);
  await updateRows(ctx.tx, 'taxon_concepts', { data: 'jsonb' }, dataOnly);
  return createdHigher;
}

function currentValues(c: ConceptRow): Record<string, unknown> {
  return {
    speciesplus_id: c.speciesplusId, full_name: c.fullName, author_year: c.authorYear, rank: c.rank, name_status: c.nameStatus,
    parent_id: c.parentId, kingdom_name: c.kingdomName, phylum_name: c.phylumName, class_name: c.className, order_name: c.orderName,
    family_name: c.familyName, genus_name: c.genusName, name_key: c.nameKey, data: c.data, deleted_at: c.deletedAt ?? null,
  };
}

/** The values a planned concept should have. Created higher taxa keep an existing concept's author, status and data. */
function desired(p: Planned, parentId: number | null, opts: SyncOptions): Record<string, unknown> {
  const higher = Object.fromEntries(HIGHER_TAXA.map((h) => [h.column, p.higher[h.field] ?? null]));
  // A file that names a removed concept (and is not older than the removal) brings it back.
  const base = { full_name: p.fullName, rank: p.rank, parent_id: parentId, ...higher, name_key: nameKey(p.fullName), deleted_at: null };
  if (p.row) {
    return {
      ...base, speciesplus_id: p.row.speciesplusId ?? p.existing?.speciesplusId ?? null, author_year: p.row.author ?? (p.row.speciesplusId == null ? p.existing?.authorYear ?? null : null), name_status: 'A',
      data: { ...(p.existing?.data ?? {}), ...(p.existing ? {} : { source: opts.source }), ...p.row.data },
    };
  }
  if (p.existing) {
    return { ...base, speciesplus_id: p.existing.speciesplusId, author_year: p.existing.authorYear, name_status: p.existing.nameStatus, data: p.existing.data };
  }
  return { ...base, speciesplus_id: null, author_year: null, name_status: 'A', data: { source: opts.source, createdFrom: 'higher-taxa columns' } };
}

/** Whether the name is an accepted concept of this taxonomy (a newer source made it accepted). */
function acceptedElsewhere(index: ConceptIndex, taxonomy: SyncOptions['taxonomyId'], s: NameWithAuthor): boolean {
  return index.byFullName(taxonomy, s.fullName, s.rank)?.nameStatus === 'A';
}

/** Synonym concepts (status S) and HAS_SYNONYM links from each accepted taxon. */

async function syncSynonyms(ctx: ImportContext, index: ConceptIndex, rows: FactRow[], owned: Set<number>, opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<number> {
  if (!rows.some((r) => r.synonyms)) return 0;
  const newSyn = new Map<string, { name: NameWithAuthor; kingdom: string | null; genus: string | null; line: number }>();
  for (const r of rows) for (const s of r.synonyms ?? []) {
    const k = synonymKey(s.fullName, s.author);
    // A newer source may have made this name accepted: it is then no synonym to create.
    if (acceptedElsewhere(index, opts.taxonomyId, s)) continue;
    if (!index.synonym(opts.taxonomyId, s.fullName, s.author) && !newSyn.has(k)) newSyn.set(k, { name: s, kingdom: r.higher.kingdomName, genus: s.fullName.split(' ')[0], line: r.line });
  }
  if (newSyn.size) {
    const values = [...newSyn.values()].map((s) => ({
      taxonomy_id: opts.taxonomyId, speciesplus_id: null, full_name: s.name.fullName, author_year: s.name.author, rank: s.name.rank,
      name_status: 'S', parent_id: null, kingdom_name: s.kingdom, phylum_name: null, class_name: null, order_name: null, family_name: null,
      genus_name: s.name.rank === 'GENUS' ? null : s.genus, name_key: nameKey(s.name.fullName), data: { source: opts.source },
      import_run_id: ctx.runId, source_file: ctx.fileName, source_line: s.line,
    }));
    const back = await insertRows<{ id: number; full_name: string; author_year: string | null; rank: string }>(
      ctx.tx, 'taxon_concepts', CONCEPT_COLUMNS, values, { returning: ['id', 'full_name', 'author_year', 'rank'] });
    for (const b of back) {
      index.add({ id: Number(b.id), taxonomyId: opts.taxonomyId, speciesplusId: null, legacyId: null, fullName: b.full_name, authorYear: b.author_year, rank: b.rank, nameStatus: 'S', parentId: null, kingdomName: null, phylumName: null, className: null, orderName: null, familyName: null, genusName: null, nameKey: nameKey(b.full_name), data: null, importRunId: ctx.runId });
    }
  }
  const existing = await selectRows<{ id: number; taxon_concept_id: number; other_taxon_concept_id: number; import_run_id: number | null }>(ctx.tx, sql`
    select r.id, r.taxon_concept_id, r.other_taxon_concept_id, r.import_run_id from taxon_relationships r
      join taxon_concepts c on c.id = r.taxon_concept_id where r.type = 'HAS_SYNONYM' and c.taxonomy_id = ${opts.taxonomyId}`);
  const links = groupBy(existing, (e) => Number(e.taxon_concept_id));
  const inserts: Record<string, unknown>[] = [];
  const deletes: number[] = [];
  for (const r of rows) {
    if (!r.synonyms) continue;
    const id = r.targetId;
    const want = new Set<number>();
    for (const s of r.synonyms) {
      const syn = index.synonym(opts.taxonomyId, s.fullName, s.author);
      if (syn && syn.id !== id) want.add(syn.id);
    }
    const have = links.get(id) ?? [];
    const haveIds = new Set(have.map((h) => Number(h.other_taxon_concept_id)));
    let changed = false;
    for (const s of want) if (!haveIds.has(s)) { inserts.push({ type: 'HAS_SYNONYM', taxon_concept_id: id, other_taxon_concept_id: s, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: r.line }); changed = true; }
    for (const h of have) if (!want.has(Number(h.other_taxon_concept_id)) && h.import_run_id != null && owned.has(Number(h.import_run_id))) { deletes.push(Number(h.id)); changed = true; }
    if (changed) touch(r.line, 'updated');
  }
  await insertRows(ctx.tx, 'taxon_relationships', { type: 'text', taxon_concept_id: 'integer', other_taxon_concept_id: 'integer', import_run_id: 'integer', source_file: 'text', source_line: 'integer' }, inserts);
  await deleteRows(ctx.tx, 'taxon_relationships', deletes);
  return newSyn.size;
}

async function syncCommonNames(ctx: ImportContext, rows: FactRow[], owned: Set<number>, opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<void> {
  if (!rows.some((r) => r.commonNames)) return;
  const existing = await selectRows<{ id: number; taxon_concept_id: number; language: string; name: string; import_run_id: number | null }>(ctx.tx, sql`
    select n.id, n.taxon_concept_id, n.language, n.name, n.import_run_id from common_names n
      join taxon_concepts c on c.id = n.taxon_concept_id where c.taxonomy_id = ${opts.taxonomyId}`);
  const byTaxon = groupBy(existing, (e) => Number(e.taxon_concept_id));
  const inserts: Record<string, unknown>[] = [];
  const deletes: number[] = [];
  for (const r of rows) {
    if (!r.commonNames) continue;
    const id = r.targetId;
    const want = new Map(r.commonNames.map((n) => [`${n.language}|${n.name}`, n]));
    const have = new Map((byTaxon.get(id) ?? []).map((h) => [`${h.language}|${h.name}`, h]));
    let changed = false;
    for (const [k, n] of want) if (!have.has(k)) { inserts.push({ taxon_concept_id: id, name: n.name, language: n.language, name_key: nameKey(n.name), import_run_id: ctx.runId, source_file: ctx.fileName, source_line: r.line }); changed = true; }
    for (const [k, h] of have) if (!want.has(k) && h.import_run_id != null && owned.has(Number(h.import_run_id))) { deletes.push(Number(h.id)); changed = true; }
    if (changed) touch(r.line, 'updated');
  }
  await insertRows(ctx.tx, 'common_names', { taxon_concept_id: 'integer', name: 'text', language: 'text', name_key: 'text', import_run_id: 'integer', source_file: 'text', source_line: 'integer' }, inserts);
  await deleteRows(ctx.tx, 'common_names', deletes);
}

async function syncDistributions(ctx: ImportContext, rows: FactRow[], owned: Set<number>, opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<void> {
  if (!rows.some((r) => r.distributions)) return;
  const existing = await selectRows<{ id: number; taxon_concept_id: number; geo_entity_id: number; tags: string[]; import_run_id: number | null }>(ctx.tx, sql`
    select d.id, d.taxon_concept_id, d.geo_entity_id, d.tags, d.import_run_id from distributions d
      join taxon_concepts c on c.id = d.taxon_concept_id where c.taxonomy_id = ${opts.taxonomyId}`);
  const byTaxon = groupBy(existing, (e) => Number(e.taxon_concept_id));
  const inserts: Record<string, unknown>[] = [];
  const updates: (Record<string, unknown> & { id: number })[] = [];
  const deletes: number[] = [];
  for (const r of rows) {
    if (!r.distributions) continue;
    const id = r.targetId;
    const have = new Map((byTaxon.get(id) ?? []).map((h) => [Number(h.geo_entity_id), h]));
    let changed = false;
    for (const [geo, tags] of r.distributions) {
      const h = have.get(geo);
      const sorted = [...tags].sort();
      if (!h) { inserts.push({ taxon_concept_id: id, geo_entity_id: geo, tags: sorted, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: r.line }); changed = true; }
      else if (!sameValue([...(h.tags ?? [])].sort(), sorted)) { updates.push({ id: Number(h.id), tags: sorted, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: r.line }); changed = true; }
    }
    for (const [geo, h] of have) if (!r.distributions.has(geo) && h.import_run_id != null && owned.has(Number(h.import_run_id))) { deletes.push(Number(h.id)); changed = true; }
    if (changed) touch(r.line, 'updated');
  }
  await insertRows(ctx.tx, 'distributions', { taxon_concept_id: 'integer', geo_entity_id: 'integer', tags: 'text[]', import_run_id: 'integer', source_file: 'text', source_line: 'integer' }, inserts);
  await updateRows(ctx.tx, 'distributions', { tags: 'text[]', import_run_id: 'integer', source_file: 'text', source_line: 'integer' }, updates);
  await deleteRows(ctx.tx, 'distributions', deletes);
}

const LISTING_FIELDS = ['convention', 'appendix', 'change_type', 'is_current', 'effective_at', 'party_iso2', 'populations_included', 'populations_excluded', 'inclusion_taxon_concept_id', 'annotation_en', 'annotation_es', 'annotation_fr', 'full_annotation_en', 'hash_symbol', 'hash_annotation_en', 'nomenclature_note', 'data'] as const;
export const LISTING_COLUMNS: ColumnTypes = {
  taxon_concept_id: 'integer', convention: 'text', appendix: 'text', change_type: 'text', is_current: 'boolean', effective_at: 'date',
  party_iso2: 'text', populations_included: 'text[]', populations_excluded: 'text[]', inclusion_taxon_concept_id: 'integer', annotation_en: 'text', annotation_es: 'text',
  annotation_fr: 'text', full_annotation_en: 'text', hash_symbol: 'text', hash_annotation_en: 'text', nomenclature_note: 'text', data: 'jsonb',
  import_run_id: 'integer', source_file: 'text', source_line: 'integer',
};

/** Listing fact -> row values (snake case). */
export function listingValues(f: ListingFact): Record<string, unknown> {
  return {
    convention: f.convention, appendix: f.appendix, change_type: f.changeType, is_current: f.isCurrent, effective_at: f.effectiveAt,
    party_iso2: f.partyIso2, populations_included: f.populationsIncluded, populations_excluded: f.populationsExcluded, inclusion_taxon_concept_id: null,
    annotation_en: f.annotationEn, annotation_es: f.annotationEs, annotation_fr: f.annotationFr, full_annotation_en: f.fullAnnotationEn,
    hash_symbol: f.hashSymbol, hash_annotation_en: f.hashAnnotationEn, nomenclature_note: f.nomenclatureNote, data: f.data,
  };
}

/** Long texts are compared by digest: the database returns md5(text) for them (see loadListingChanges). */
export const LISTING_TEXTS = ['annotation_en', 'annotation_es', 'annotation_fr', 'full_annotation_en', 'hash_annotation_en', 'nomenclature_note'];
const md5Memo = new Map<string, string>();
const md5 = (t: string) => {
  let h = md5Memo.get(t);
  if (!h) { h = createHash('md5').update(t, 'utf8').digest('hex'); if (md5Memo.size < 50_000) md5Memo.set(t, h); }
  return h;
};

/** Comparable identity of a listing change's content; `digested` when its texts are already md5 digests. */
export function listingSignature(v: Record<string, unknown>, opts: { digested?: boolean } = {}): string {
  return canonicalJson(LISTING_FIELDS.map((f) => {
    const x = v[f];
    if (typeof x === 'string') {
      if (f === 'party_iso2') return x.trim();
      return LISTING_TEXTS.includes(f) && !opts.digested ? md5(x) : x;
    }
    return x ?? null;
  }));
}

/** Existing listing changes of a taxonomy's concepts: the importer's own and the current ones; long texts as md5 digests. */
export async function loadListingChanges(ctx: ImportContext, taxonomyId: string, importer: string): Promise<(Record<string, unknown> & { id: number; taxon_concept_id: number })[]> {
  return selectRows(ctx.tx, sql`
    select l.id, l.taxon_concept_id, l.import_run_id, l.convention, l.appendix, l.change_type, l.is_current, l.effective_at::text as effective_at,
           l.party_iso2, l.populations_included, l.populations_excluded, l.inclusion_taxon_concept_id, md5(l.annotation_en) annotation_en, md5(l.annotation_es) annotation_es,
           md5(l.annotation_fr) annotation_fr, md5(l.full_annotation_en) full_annotation_en, l.hash_symbol, md5(l.hash_annotation_en) hash_annotation_en,
           md5(l.nomenclature_note) nomenclature_note, l.data
      from listing_changes l join taxon_concepts c on c.id = l.taxon_concept_id
     where c.taxonomy_id = ${taxonomyId} and (l.is_current or l.data->>'importer' = ${importer})`);
}

/** Replace each taxon's own listing changes by the file's; supersede other sources' current rows. */
async function syncListings(ctx: ImportContext, byName: (name: string) => number | null, rows: FactRow[], opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<number> {
  if (!rows.some((r) => r.listings)) return 0;
  const existing = await loadListingChanges(ctx, opts.taxonomyId, opts.importer);
  const byTaxon = groupBy(existing, (e) => Number(e.taxon_concept_id));
  const dates = await runDates(ctx.tx);
  const inserts: Record<string, unknown>[] = [];
  const deletes: number[] = [];
  const supersede: (Record<string, unknown> & { id: number })[] = [];
  for (const r of rows) {
    if (!r.listings) continue;
    const id = r.targetId;
    const have = byTaxon.get(id) ?? [];
    const mine = have.filter((h) => (h.data as Record<string, unknown> | null)?.importer === opts.importer);
    const left = new Map<string, number[]>();
    for (const h of mine) {
      const sig = listingSignature(h, { digested: true });
      left.set(sig, [...(left.get(sig) ?? []), h.id]);
    }
    let changed = false;
    for (const f of r.listings) {
      const v = { ...listingValues(f), inclusion_taxon_concept_id: f.inclusionName ? byName(f.inclusionName) : null, data: { ...f.data, importer: opts.importer } };
      const sig = listingSignature(v);
      const ids = left.get(sig);
      if (ids?.length) { ids.pop(); continue; }
      inserts.push({ ...v, taxon_concept_id: id, import_run_id: ctx.runId, source_file: ctx.fileName, source_line: f.line ?? r.line });
      changed = true;
    }
    for (const ids of left.values()) for (const x of ids) { deletes.push(Number(x)); changed = true; }
    if (opts.supersedeCurrent) {
      for (const h of have) {
        // Current rows of older sources only: a newer source's current listing (a CoP after this file) stands.
        const newer = h.import_run_id != null && isNewer(dates.get(Number(h.import_run_id)), ctx.asOf);
        if (h.is_current && !newer && h.convention === opts.supersedeCurrent && (h.data as Record<string, unknown> | null)?.importer !== opts.importer) {
          supersede.push({ id: Number(h.id), is_current: false, data: { ...((h.data as Record<string, unknown> | null) ?? {}), supersededBy: opts.source } });
          changed = true;
        }
      }
    }
    if (changed) touch(r.line, 'updated');
  }
  await deleteRows(ctx.tx, 'listing_changes', deletes);
  await insertRows(ctx.tx, 'listing_changes', LISTING_COLUMNS, inserts, { sharedText: LISTING_TEXTS });
  await updateRows(ctx.tx, 'listing_changes', { is_current: 'boolean', data: 'jsonb' }, supersede);
  return supersede.length;
}

/** This importer's CMS instrument coverage of the taxa in the file, replaced by the file's. */
async function syncInstruments(ctx: ImportContext, rows: FactRow[], opts: SyncOptions, touch: (line: number, s: RowState) => void): Promise<void> {
  if (!rows.some((r) => r.instruments)) return;
  const before = { ...ctx.counts };
  const facts = rows.flatMap((r) => (r.instruments ?? []).map((i) => ({ line: r.line, taxonConceptId: r.targetId, instrument: i.instrument, since: i.since, isCurrent: true, note: i.note, data: { importer: opts.importer } })));
  // Counted per taxon row by the caller: keep the coverage writer's own counts out of the import's.
  await writeInstrumentCoverage(ctx, facts, { taxa: rows.filter((r) => r.instruments).map((r) => r.targetId) });
  const changed = ctx.counts.accepted + ctx.counts.updated > before.accepted + before.updated;
  Object.assign(ctx.counts, before);
  if (changed) for (const r of rows) if (r.instruments?.length) touch(r.line, 'updated');
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k);
    if (list) list.push(i); else m.set(k, [i]);
  }
  return m;
}
