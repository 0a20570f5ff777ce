// Current Species+ deltas (2024-2026, unepwcmc/SAPI lib/data and
// lib/files/imports): CITES reservations, names promoted from N to A, new
// synonyms, CMS common names and CMS distributions. They name taxa by
// Species+ numeric id; a concept has such an id only when a newer source
// (2017 Checklist, API, an earlier delta) gave it, so rows fall back to the
// name where the file has one, and unresolved rows are rejected with the id.
import { and, eq } from 'drizzle-orm';
import { listingChanges, taxonConcepts, taxonRelationships } from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { dayInPath, clean, legacyRank, taxonomiesOf, type TaxonomyId } from '../cells/legacy.js';
import { countLines, syncFacts, type Fact } from '../write/facts.js';
import { loadGeo } from '../write/lookups.js';
import { parseDmy } from '../../taxonomy/dates.js';
import { importCommonNames, parseTags, writeDistributions, type DistributionInput } from '../write/names.js';
import { writeListingChanges, type ListingFact } from '../write/listings.js';
import { ConceptIndex, type ConceptRow, loadFactTargets, targetOf } from '../write/concepts.js';
import { joinName } from '../cells/tree2013.js';

const LIB = 'sapi-current/lib';
const IMPORTS = `${LIB}/files/imports`;

const unresolved = (taxonomy: string, id: string) => `a taxon with Species+ id ${id.trim()} in the ${taxonomy} taxonomy (none has it yet; the file gives no name to match by)`;

/** The appendix a reservation was entered against: the listing in force on that date, own or inherited. */
function appendixOn(history: Map<number, { appendix: string; changeType: string; effectiveAt: string | null; partyIso2: string | null }[]>, chain: ConceptRow[], date: string, party: string): string | null {
  for (const c of chain) {
    const rows = (history.get(c.id) ?? []).filter((r) => (r.effectiveAt ?? '') <= date);
    const sameReservation = rows.find((r) => r.changeType === 'RESERVATION' && r.effectiveAt === date && r.partyIso2?.trim() === party);
    if (sameReservation) return sameReservation.appendix;
    const added = rows.filter((r) => r.changeType === 'ADDITION').sort((a, b) => (a.effectiveAt ?? '').localeCompare(b.effectiveAt ?? ''));
    if (added.length) return added[added.length - 1].appendix;
  }
  return null;
}

/**
 * A reservation another file (the 2013 history) still has as current is no
 * longer current once this file gives its withdrawal date.
 */
async function closeWithdrawnReservations(ctx: ImportContext, facts: ListingFact[]): Promise<void> {
  let closed = 0;
  for (const f of facts.filter((x) => x.values.changeType === 'RESERVATION_WITHDRAWAL')) {
    const open = await ctx.tx.select().from(listingChanges).where(and(
      eq(listingChanges.taxonConceptId, f.values.taxonConceptId), eq(listingChanges.changeType, 'RESERVATION'),
      eq(listingChanges.partyIso2, f.values.partyIso2 ?? ''), eq(listingChanges.isCurrent, true)));
    for (const r of open) {
      if (r.sourceFile === ctx.fileName || (r.effectiveAt ?? '') > (f.values.effectiveAt ?? '')) continue;
      await ctx.tx.update(listingChanges).set({ isCurrent: false, data: { ...(r.data ?? {}), supersededBy: `${ctx.fileName}:${f.line}` } }).where(eq(listingChanges.id, r.id));
      closed++;
    }
  }
  if (closed) { ctx.counts.updated += closed; ctx.note(`${closed} reservations of the older history marked not current: this file gives their withdrawal`); }
}

export const importers: Importer[] = [
  {
    format: 'sapi-current-reservations',
    description: 'Current Species+ CITES reservations with start and end (withdrawal) dates and Party (lib/data/reservations.csv)',
    seed: [{ order: 70, path: `${LIB}/data/reservations.csv` }],
    async run(ctx) {
      const index = await ConceptIndex.load(ctx.tx);
      const target = targetOf(await loadFactTargets(ctx.tx, 'CITES'));
      const geo = await loadGeo(ctx.tx);
      const history = new Map<number, { appendix: string; changeType: string; effectiveAt: string | null; partyIso2: string | null; sourceFile: string | null }[]>();
      for (const r of await ctx.tx.select().from(listingChanges).where(eq(listingChanges.convention, 'CITES'))) {
        const list = history.get(r.taxonConceptId) ?? [];
        list.push(r);
        history.set(r.taxonConceptId, list);
      }
      // The 2013 history already holds many of these reservations: do not write them twice.
      const known = new Set([...history].flatMap(([id, rows]) => rows.filter((r) => r.sourceFile !== ctx.fileName)
        .map((r) => `${id}|${r.changeType}|${r.partyIso2?.trim()}|${r.effectiveAt}`)));
      const facts: ListingFact[] = [];
      let already = 0;
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['start_date', 'end_date', 'taxon_name', 'taxon_concept_id', 'rank', 'iso_code2'], onBytes: ctx.progress })) {
        const start = parseDmy(v.start_date);
        if (!start) { ctx.reject(line, 'start_date', `a date DD/MM/YYYY, got '${v.start_date}'`); continue; }
        const end = parseDmy(v.end_date);
        if (end === undefined) { ctx.reject(line, 'end_date', `a date DD/MM/YYYY or nothing, got '${v.end_date}'`); continue; }
        // The file has no date of its own: it is as of its newest start or end date.
        for (const d of [start, end]) if (d && (!ctx.asOf || d > ctx.asOf)) ctx.asOf = d;
        const party = v.iso_code2.trim().toUpperCase();
        if (!geo.has(party)) { ctx.reject(line, 'iso_code2', `a known ISO code, got '${v.iso_code2}'`); continue; }
        const rank = legacyRank(v.rank);
        if (!rank) { ctx.reject(line, 'rank', `a known rank, got '${v.rank}'`); continue; }
        const named = index.find('CITES', v.taxon_concept_id, v.taxon_name, rank);
        if (!named) { ctx.reject(line, 'taxon_concept_id', `a CITES taxon with Species+ id ${v.taxon_concept_id} or named '${v.taxon_name}' (${rank})`); continue; }
        // A reservation on a name that is now a synonym is one on its accepted concept.
        const concept = index.byId.get(target(named.id)) ?? named;
        const appendix = appendixOn(history, [concept, ...index.ancestors(concept.id)], start, party);
        if (!appendix) { ctx.reject(line, 'taxon_name', `a taxon listed on ${start} (no CITES listing of ${concept.fullName} or its higher taxa by then tells the appendix)`); continue; }
        const common = {
          taxonConceptId: concept.id, convention: 'CITES', appendix, partyIso2: party, populationsIncluded: [], populationsExcluded: [],
          annotationEn: clean(v.notes), data: { taxonName: v.taxon_name.trim(), speciesplusId: v.taxon_concept_id.trim(), ...(clean(v['Internal Notes']) ? { internalNotes: clean(v['Internal Notes']) } : {}) },
        };
        let written = 0;
        for (const [changeType, date, isCurrent] of [['RESERVATION', start, !end], ['RESERVATION_WITHDRAWAL', end, false]] as const) {
          if (!date) continue;
          if (known.has(`${concept.id}|${changeType}|${party}|${date}`)) { already++; continue; }
          facts.push({ line, values: { ...common, changeType, effectiveAt: date, isCurrent } });
          written++;
        }
        if (written === 0) ctx.counts.unchanged++; // the history has this line's facts already
      }
      if (already) ctx.note(`${already} reservations or withdrawals were already in the listing history from another file and were not written again`);
      // is_current is written on insert only: the 2017 Checklist may close these rows later.
      await writeListingChanges(ctx, 'CITES', facts, { keep: () => ['isCurrent'] });
      await closeWithdrawnReservations(ctx, facts);
    },
  },
  {
    format: 'sapi-current-n-to-a',
    asOf: dayInPath,
    description: 'Current Species+ names promoted from N (not accepted) to A, with their Species+ ids (imports/2026-02-19/N_to_A_names.csv)',
    seed: [{ order: 70, path: `${IMPORTS}/2026-02-19/N_to_A_names.csv` }],
    async run(ctx) {
      const index = await ConceptIndex.load(ctx.tx);
      const facts: Fact[] = [];
      const existing = new Map<string, Record<string, unknown> & { id: number }>();
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['Scientific name', 'ID', 'Parent name', 'ParentID', 'Status'], onBytes: ctx.progress })) {
        const name = v['Scientific name'].trim().replace(/\s+/g, ' ');
        const id = v.ID.trim();
        if (!/^\d+$/.test(id)) { ctx.reject(line, 'ID', `a numeric Species+ id, got '${v.ID}'`); continue; }
        if (v.Status.trim() !== 'A') { ctx.reject(line, 'Status', `A, got '${v.Status}'`); continue; }
        let target: ConceptRow | undefined;
        let parent: ConceptRow | undefined;
        for (const tax of ['CMS', 'CITES'] as TaxonomyId[]) {
          target ??= index.find(tax, id, name);
          parent ??= index.find(tax, v.ParentID, clean(v['Parent name']));
        }
        const rank = name.split(' ').length === 3 ? 'SUBSPECIES' : name.split(' ').length === 2 ? 'SPECIES' : null;
        if (target) {
          const [row] = await ctx.tx.select().from(taxonConcepts).where(eq(taxonConcepts.id, target.id));
          existing.set(`id|${target.id}`, row as unknown as Record<string, unknown> & { id: number });
          // Never take an id another concept of the taxonomy already has (unique per taxonomy).
          const taken = index.bySpeciesplusId(row.taxonomyId as TaxonomyId, id);
          facts.push({ key: `id|${target.id}`, line, values: { nameStatus: 'A', speciesplusId: row.speciesplusId ?? (taken ? null : Number(id)) } });
          continue;
        }
        if (!parent || !rank) { ctx.reject(line, 'ParentID', `a known parent taxon (Species+ id ${v.ParentID.trim()} or name '${v['Parent name'].trim()}') for the new name ${name}`); continue; }
        const key = `${parent.taxonomyId}|spp|${id}`;
        facts.push({
          key, line, values: {
            taxonomyId: parent.taxonomyId, speciesplusId: Number(id), fullName: name, rank, nameStatus: 'A', parentId: parent.id,
            genusName: name.split(' ')[0], nameKey: nameKey(name), data: { source: 'N_to_A_names' },
          },
        });
      }
      for (const c of await ctx.tx.select().from(taxonConcepts).where(eq(taxonConcepts.sourceFile, ctx.fileName))) {
        if (c.speciesplusId != null) existing.set(`${c.taxonomyId}|spp|${c.speciesplusId}`, c as unknown as Record<string, unknown> & { id: number });
      }
      const { status } = await syncFacts(ctx, taxonConcepts, facts, { existing });
      countLines(ctx, facts, status);
    },
  },
  {
    format: 'sapi-current-synonyms',
    asOf: dayInPath,
    description: 'Current Species+ new synonyms keyed by Species+ ids of parent and accepted name (imports/*/animalia_new_synonyms*.csv, plantae_new_synonyms.csv)',
    seed: [
      { order: 71, path: `${IMPORTS}/2024-03-06/animalia_new_synonyms_cms.csv` },
      { order: 71, path: `${IMPORTS}/2026-03-04/animalia_new_synonyms.csv` },
      { order: 71, path: `${IMPORTS}/2026-03-04/plantae_new_synonyms.csv` },
    ],
    async run(ctx) {
      const index = await ConceptIndex.load(ctx.tx, { idsOnly: true });
      const concepts: Fact[] = [];
      const links: { line: number; acceptedId: number; key: string }[] = [];
      const seen = new Set<string>();
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['Scientific name', 'Rank', 'ParentID', 'Status', 'Species Author', 'Designation', 'AcceptedID'], onBytes: ctx.progress })) {
        const rank = legacyRank(v.Rank);
        if (!rank) { ctx.reject(line, 'Rank', `a known rank, got '${v.Rank}'`); continue; }
        const tax = taxonomiesOf(v.Designation)[0];
        if (!tax) { ctx.reject(line, 'Designation', `CITES_EU or CMS, got '${v.Designation}'`); continue; }
        const accepted = index.bySpeciesplusId(tax, v.AcceptedID);
        if (!accepted) { ctx.reject(line, 'AcceptedID', unresolved(tax, v.AcceptedID)); continue; }
        const parent = index.bySpeciesplusId(tax, v.ParentID);
        if (!parent) { ctx.reject(line, 'ParentID', unresolved(tax, v.ParentID)); continue; }
        const fullName = joinName(parent.fullName, { name: v['Scientific name'], rank });
        const key = `${tax}|${nameKey(fullName)}|${rank}`;
        links.push({ line, acceptedId: accepted.id, key });
        if (seen.has(key)) continue;
        seen.add(key);
        const hierarchy = [parent, ...index.ancestors(parent.id)];
        const genus = hierarchy.find((c) => c.rank === 'GENUS')?.fullName ?? null;
        concepts.push({
          key, line, values: {
            taxonomyId: tax, fullName, authorYear: clean(v['Species Author']), rank, nameStatus: 'S', genusName: genus,
            nameKey: nameKey(fullName), data: { designation: v.Designation.trim(), acceptedSpeciesplusId: v.AcceptedID.trim(), parentSpeciesplusId: v.ParentID.trim() },
          },
        });
      }
      const existing = new Map<string, Record<string, unknown> & { id: number }>();
      for (const c of await ctx.tx.select().from(taxonConcepts).where(eq(taxonConcepts.nameStatus, 'S'))) {
        existing.set(`${c.taxonomyId}|${c.nameKey}|${c.rank}`, c as unknown as Record<string, unknown> & { id: number });
      }
      // A synonym another file created keeps that file's author.
      const res = await syncFacts(ctx, taxonConcepts, concepts, { existing, compare: ['authorYear'], keep: (before) => (before.sourceFile !== ctx.fileName ? ['authorYear'] : []) });
      const rels: Fact[] = links.map((l) => {
        const s = res.ids.get(l.key)!;
        return { key: `HAS_SYNONYM|${l.acceptedId}|${s}`, line: l.line, values: { type: 'HAS_SYNONYM', taxonConceptId: l.acceptedId, otherTaxonConceptId: s } };
      });
      const existingRels = new Map((await ctx.tx.select().from(taxonRelationships).where(and(eq(taxonRelationships.type, 'HAS_SYNONYM'))))
        .map((r) => [`HAS_SYNONYM|${r.taxonConceptId}|${r.otherTaxonConceptId}`, r as unknown as Record<string, unknown> & { id: number }]));
      const unique = [...new Map(rels.map((r) => [r.key, r])).values()];
      const rel = await syncFacts(ctx, taxonRelationships, unique, { existing: existingRels });
      countLines(ctx, [...concepts, ...unique], new Map([...res.status, ...rel.status]));
    },
  },
  {
    format: 'sapi-current-common-names',
    asOf: dayInPath,
    description: 'Current Species+ CMS common names (en/fr/es) keyed by Species+ id (imports/2026-02-19/common_names_CMS_bulk_upload.csv)',
    seed: [{ order: 71, path: `${IMPORTS}/2026-02-19/common_names_CMS_bulk_upload.csv` }],
    async run(ctx) {
      const index = await ConceptIndex.load(ctx.tx, { idsOnly: true });
      const target = targetOf(await loadFactTargets(ctx.tx));
      await importCommonNames(ctx, (v) => {
        const tax = taxonomiesOf(v.Designation)[0] ?? 'CMS';
        const concept = index.bySpeciesplusId(tax, v.RecId);
        return concept ? [target(concept.id)] : { field: 'RecId', reason: unresolved(tax, v.RecId) };
      });
    },
  },
  {
    format: 'sapi-current-distributions',
    asOf: dayInPath,
    description: 'Current Species+ CMS distributions keyed by Species+ id (imports/2026-03-18/new_distributions.csv, 2026-03-12/new_distributions_references_id2.csv)',
    seed: [
      { order: 71, path: `${IMPORTS}/2026-03-12/new_distributions_references_id2.csv` },
      { order: 72, path: `${IMPORTS}/2026-03-18/new_distributions.csv` },
    ],
    async run(ctx) { await currentDistributions(ctx, { tags: false }); },
  },
  {
    format: 'sapi-current-distribution-tags',
    asOf: dayInPath,
    description: 'Current Species+ CMS distribution tags (imports/2026-03-18/new_distribution_tags.csv); merged into existing distributions',
    seed: [{ order: 73, path: `${IMPORTS}/2026-03-18/new_distribution_tags.csv` }],
    async run(ctx) { await currentDistributions(ctx, { tags: true }); },
  },
];

async function currentDistributions(ctx: ImportContext, opts: { tags: boolean }): Promise<void> {
  const index = await ConceptIndex.load(ctx.tx, { idsOnly: true });
  const target = targetOf(await loadFactTargets(ctx.tx));
  const geo = await loadGeo(ctx.tx);
  const input: DistributionInput[] = [];
  const required = ['taxon_concept_id', 'Rank', 'ISO Code 2', 'Designation', ...(opts.tags ? ['Tags'] : [])];
  const unknownIds = new Set<string>();
  for await (const { line, values: v } of readCsv(ctx.file, { required, onBytes: ctx.progress })) {
    const geoId = geo.get(v['ISO Code 2'].trim().toUpperCase());
    if (geoId == null) { ctx.reject(line, 'ISO Code 2', `a known ISO code, got '${v['ISO Code 2']}'`); continue; }
    const tags = opts.tags ? parseTags(v.Tags) : [];
    if (!tags) { ctx.reject(line, 'Tags', `tags among introduced, introduced (?), reintroduced, extinct, extinct (?), distribution uncertain; got '${v.Tags}'`); continue; }
    const tax = taxonomiesOf(v.Designation)[0] ?? 'CMS';
    const concept = index.bySpeciesplusId(tax, v.taxon_concept_id);
    if (!concept) { unknownIds.add(v.taxon_concept_id.trim()); ctx.reject(line, 'taxon_concept_id', unresolved(tax, v.taxon_concept_id)); continue; }
    input.push({ line, conceptIds: [target(concept.id)], geoId, tags });
  }
  if (unknownIds.size) ctx.note(`${unknownIds.size} Species+ ids are not known yet; their rows are rejected (import Species+ API taxon concepts first to resolve them)`);
  // A file without tags never removes tags another file gave.
  await writeDistributions(ctx, input, { mergeTags: true });
}
