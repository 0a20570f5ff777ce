// Species+ API v1 JSON (https://api.speciesplus.net/api/v1): taxon_concepts
// pages (CITES or CMS taxonomy), cites_legislation, distributions and
// references. Reads recorded responses (vcr cassettes: http_interactions[]
// with request.uri and response.body.string); the sync client (src/ingest/sync)
// feeds live responses through the same writers.
// Concepts are matched by Species+ id in their taxonomy, else by name.
import fs from 'node:fs';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  taxonConcepts, taxonRelationships, commonNames, distributions, geoEntities,
  listingChanges, references, taxonReferences, tombstones, distributionReferences, importRuns,
} from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import { toRank, NAME_STATUSES, DISTRIBUTION_TAGS } from '../../taxonomy/ranks.js';
import { ImportRefused } from '../errors.js';
import { loadFactTargets } from '../write/concepts.js';
import { isNewer } from '../write/lookups.js';
import { parsePopulations } from '../../listings/annotations.js';
import type { Importer, ImportContext, Counts } from '../run.js';

/** What the writers need: a transaction, provenance and the reject/count sinks. */
export interface WriteContext {
  tx: Tx;
  runId: number;
  fileName: string;
  counts: Counts;
  reject(line: number, field: string, reason: string): void;
  note(text: string): void;
  /** The day the responses are as of (precedence over older sources). */
  asOf: string | null;
}

export type Taxonomy = 'CITES' | 'CMS';

// ---- Species+ shapes (only the fields we read) -----------------------------
interface SppName { id: number; full_name: string; author_year: string | null; rank: string }
export interface SppTaxonConcept {
  id: number; full_name: string; author_year: string | null; rank: string; name_status: string;
  updated_at: string; active: boolean; cites_listing: string | null;
  higher_taxa: { kingdom: string | null; phylum: string | null; class: string | null; order: string | null; family: string | null } | null;
  synonyms: SppName[]; common_names: { name: string; language: string }[];
  cites_listings?: SppListing[]; cms_listings?: SppListing[];
}
interface SppParty { iso_code2: string; name: string; type: string }
export interface SppListing {
  id: number; taxon_concept_id?: number; is_current?: boolean; appendix: string; change_type?: string;
  effective_at: string | null; annotation: string | null; hash_annotation?: unknown; party?: SppParty | null;
}
export interface SppDistribution { id: number; iso_code2: string; name: string; tags: string[]; type: string; references: string[] }
export interface SppReference { id: number; citation: string; is_standard: boolean }

const CHANGE_TYPE: Record<string, string> = {
  '+': 'ADDITION', '-': 'DELETION', 'R+': 'RESERVATION', 'R-': 'RESERVATION_WITHDRAWAL', 'Ex': 'EXCEPTION',
};

/** One recorded or live response, classified by its request path. */
export type SppResponse =
  | { kind: 'taxon_concepts'; taxonomy: Taxonomy; body: { taxon_concepts: SppTaxonConcept[] } }
  | { kind: 'cites_legislation'; taxonId: number; language: string; body: { cites_listings: SppListing[] } }
  | { kind: 'distributions'; taxonId: number; body: SppDistribution[] }
  | { kind: 'references'; taxonId: number; body: SppReference[] }
  | { kind: 'other'; path: string };

export function classify(uri: string, body: unknown): SppResponse {
  const url = new URL(uri, 'https://api.speciesplus.net');
  const p = url.pathname.replace(/\.json$/, '');
  if (/\/taxon_concepts$/.test(p)) {
    const taxonomy = (url.searchParams.get('taxonomy') ?? 'CITES').toUpperCase() === 'CMS' ? 'CMS' : 'CITES';
    return { kind: 'taxon_concepts', taxonomy, body: body as { taxon_concepts: SppTaxonConcept[] } };
  }
  const m = /\/taxon_concepts\/(\d+)\/(cites_legislation|distributions|references)$/.exec(p);
  const language = (url.searchParams.get('language') ?? 'en').toLowerCase();
  if (m) return { kind: m[2] as 'distributions', taxonId: Number(m[1]), language, body: body as SppDistribution[] } as SppResponse;
  return { kind: 'other', path: p };
}

// ---- the importer -----------------------------------------------------------
export const importer: Importer = {
  format: 'speciesplus-api',
  description: 'Species+ API v1 responses (recorded vcr cassettes: taxon_concepts, cites_legislation, distributions, references)',
  seed: seedFiles(),
  async run(ctx) {
    const interactions = readCassette(ctx);
    // A cassette is as of its newest recording (recorded_at); a live sync, of the day it ran.
    ctx.asOf = interactions.reduce<string | null>((m, it) => (it.recordedAt && (!m || it.recordedAt > m) ? it.recordedAt : m), null) ?? ctx.asOf;
    let n = 0;
    for (const [i, it] of interactions.entries()) {
      const line = i + 1;
      if (it.status !== 200) { ctx.note(`interaction ${line}: ${it.uri} answered ${it.status}; skipped`); continue; }
      let body: unknown;
      try { body = JSON.parse(it.body); } catch (e) {
        ctx.reject(line, 'response.body.string', `JSON text (${(e as Error).message})`); continue;
      }
      const res = classify(it.uri, body);
      await applyResponse(ctx, res, line);
      ctx.progress(++n);
    }
  },
};

/**
 * The recorded fixture files, in the order taxa before their facts. Recorded
 * in 2022: after the 2017 Checklist (60), before the 2024-2026 Species+
 * imports (70+), so a seed writes sources oldest first and a second seed
 * finds nothing to change.
 */
function seedFiles(): { order: number; path: string }[] {
  const kinds = ['taxonconcept_def', 'taxonconcept_pag', 'taxonconcept_upd', 'taxonconcept_cms', 'cites_legislation_bat', 'cites_legislation_sco', 'distributions_bat', 'distributions_one', 'references_bat'];
  return kinds.map((k) => ({ order: 65, path: `rcites-fixtures/spp_${k}.json` }));
}

interface Interaction { uri: string; status: number; body: string; recordedAt: string | null }

function readCassette(ctx: ImportContext): Interaction[] {
  let text: string;
  try { text = fs.readFileSync(ctx.file, 'utf8'); } catch (e) {
    throw new ImportRefused(ctx.fileName, null, null, `a readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!text.trim()) throw new ImportRefused(ctx.fileName, null, null, 'a JSON document; the file is empty');
  let doc: unknown;
  try { doc = JSON.parse(text); } catch (e) {
    throw new ImportRefused(ctx.fileName, null, null, `a JSON document (${(e as Error).message})`);
  }
  const list = (doc as { http_interactions?: unknown }).http_interactions;
  if (!Array.isArray(list)) throw new ImportRefused(ctx.fileName, null, 'http_interactions', 'an array of recorded Species+ API interactions');
  return list.map((it: { request?: { uri?: unknown }; response?: { status?: { status_code?: unknown; code?: unknown }; body?: { string?: unknown } }; recorded_at?: unknown }, i) => {
    const uri = it?.request?.uri;
    const body = it?.response?.body?.string;
    if (typeof uri !== 'string') throw new ImportRefused(ctx.fileName, i + 1, 'request.uri', 'a Species+ API URL');
    if (typeof body !== 'string') throw new ImportRefused(ctx.fileName, i + 1, 'response.body.string', 'the response body as a string');
    const status = Number(it.response?.status?.status_code ?? it.response?.status?.code ?? 200);
    const recorded = typeof it.recorded_at === 'string' ? new Date(it.recorded_at) : null;
    return { uri, status, body, recordedAt: recorded && !Number.isNaN(recorded.getTime()) ? recorded.toISOString().slice(0, 10) : null };
  });
}

export async function applyResponse(ctx: WriteContext, res: SppResponse, line: number): Promise<void> {
  switch (res.kind) {
    case 'taxon_concepts': {
      const list = res.body?.taxon_concepts;
      if (!Array.isArray(list)) { ctx.reject(line, 'taxon_concepts', 'an array of taxon concepts'); return; }
      for (const [i, t] of list.entries()) await upsertTaxonConcept(ctx, t, { taxonomy: res.taxonomy, line, field: `taxon_concepts[${i}]` });
      return;
    }
    case 'cites_legislation': return upsertLegislation(ctx, res.taxonId, res.body?.cites_listings, line, res.language);
    case 'distributions': return upsertDistributions(ctx, res.taxonId, res.body, line);
    case 'references': return upsertReferences(ctx, res.taxonId, res.body, line);
    default: ctx.note(`interaction ${line}: ${res.path} is not a format Concord keeps; skipped`);
  }
}

// ---- taxon concepts -------------------------------------------------------------
interface Where { taxonomy: Taxonomy; line: number; field: string }

function validConcept(ctx: WriteContext, t: SppTaxonConcept, w: Where): boolean {
  if (!t || typeof t !== 'object') { ctx.reject(w.line, w.field, 'a taxon concept object'); return false; }
  if (!Number.isInteger(t.id) || t.id <= 0) { ctx.reject(w.line, `${w.field}.id`, `a positive integer Species+ id, got ${JSON.stringify(t.id)}`); return false; }
  if (typeof t.full_name !== 'string' || !t.full_name.trim()) { ctx.reject(w.line, `${w.field}.full_name`, 'a scientific name'); return false; }
  if (!toRank(String(t.rank ?? ''))) { ctx.reject(w.line, `${w.field}.rank`, `a rank (KINGDOM ... VARIETY), got ${JSON.stringify(t.rank)}`); return false; }
  if (!(NAME_STATUSES as readonly string[]).includes(t.name_status)) { ctx.reject(w.line, `${w.field}.name_status`, `one of A S T H N, got ${JSON.stringify(t.name_status)}`); return false; }
  return true;
}

export async function upsertTaxonConcept(ctx: WriteContext, t: SppTaxonConcept, w: Where): Promise<number | null> {
  if (!validConcept(ctx, t, w)) return null;
  const existing = await findConcept(ctx.tx, w.taxonomy, t.id, t.full_name);
  if (t.active === false) { await removeConcept(ctx, existing); return null; }
  const h = t.higher_taxa ?? { kingdom: null, phylum: null, class: null, order: null, family: null };
  const rank = toRank(t.rank)!;
  const genus = ['GENUS', 'SPECIES', 'SUBSPECIES', 'VARIETY', 'FORM'].includes(rank) ? t.full_name.split(' ')[0] : null;
  const row = {
    fullName: t.full_name.trim(), authorYear: t.author_year ?? null, rank, nameStatus: t.name_status,
    kingdomName: h.kingdom ?? null, phylumName: h.phylum ?? null, className: h.class ?? null,
    orderName: h.order ?? null, familyName: h.family ?? null, genusName: genus,
  };
  const data = { ...(existing?.data ?? {}), speciesplusUpdatedAt: t.updated_at ?? null, citesListing: t.cites_listing ?? null };
  const parentId = await findParent(ctx.tx, w.taxonomy, t.full_name, rank, row);
  const id = await writeConcept(ctx, w, { ...row, data, parentId, speciesplusId: t.id }, existing);
  await upsertSynonyms(ctx, id, t.synonyms, w);
  await upsertCommonNames(ctx, id, t.common_names, w);
  const listings = w.taxonomy === 'CMS' ? t.cms_listings : t.cites_listings;
  if (Array.isArray(listings)) {
    await upsertListings(ctx, id, w.taxonomy, listings.map((l) => ({ ...l, is_current: true, change_type: l.change_type ?? '+' })), w.line, `${w.field}.${w.taxonomy === 'CMS' ? 'cms' : 'cites'}_listings`);
  }
  return id;
}

type ConceptRow = typeof taxonConcepts.$inferSelect;

async function findConcept(tx: Tx, taxonomy: Taxonomy, speciesplusId: number, fullName: string): Promise<ConceptRow | undefined> {
  const [byId] = await tx.select().from(taxonConcepts)
    .where(and(eq(taxonConcepts.taxonomyId, taxonomy), eq(taxonConcepts.speciesplusId, speciesplusId))).limit(1);
  if (byId) return byId;
  const [byName] = await tx.select().from(taxonConcepts)
    .where(and(eq(taxonConcepts.taxonomyId, taxonomy), eq(taxonConcepts.fullName, fullName), isNull(taxonConcepts.speciesplusId))).limit(1);
  return byName;
}

/** The nearest existing accepted higher taxon: genus for species, else family, order, class ... */
async function findParent(tx: Tx, taxonomy: Taxonomy, fullName: string, rank: string, h: { genusName: string | null; familyName: string | null; orderName: string | null; className: string | null; phylumName: string | null; kingdomName: string | null }): Promise<number | null> {
  const words = fullName.split(' ');
  const candidates = [
    rank === 'SUBSPECIES' || rank === 'VARIETY' || rank === 'FORM' ? words.slice(0, 2).join(' ') : null,
    rank !== 'GENUS' ? h.genusName : null, h.familyName, h.orderName, h.className, h.phylumName, h.kingdomName,
  ].filter((c): c is string => Boolean(c) && c !== fullName);
  for (const name of candidates) {
    const [p] = await tx.select({ id: taxonConcepts.id }).from(taxonConcepts)
      .where(and(eq(taxonConcepts.taxonomyId, taxonomy), eq(taxonConcepts.fullName, name), eq(taxonConcepts.nameStatus, 'A'), isNull(taxonConcepts.deletedAt))).limit(1);
    if (p) return p.id;
  }
  return null;
}

const COMPARED = ['fullName', 'authorYear', 'rank', 'nameStatus', 'kingdomName', 'phylumName', 'className', 'orderName', 'familyName', 'genusName', 'parentId', 'speciesplusId'] as const;

async function writeConcept(ctx: WriteContext, w: Where, row: Partial<ConceptRow> & { fullName: string; rank: string; nameStatus: string }, existing: ConceptRow | undefined): Promise<number> {
  const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: w.line };
  if (existing && existing.importRunId != null && await newerWriter(ctx, existing.importRunId)) {
    // A newer source named this concept last: its name, status and parent stand.
    ctx.counts.unchanged++;
    return existing.id;
  }
  if (existing) {
    const same = COMPARED.every((k) => row[k] === undefined || row[k] === existing[k])
      && JSON.stringify(row.data ?? existing.data) === JSON.stringify(existing.data) && !existing.deletedAt;
    if (same) { ctx.counts.unchanged++; return existing.id; }
    await ctx.tx.update(taxonConcepts).set({ ...row, nameKey: nameKey(row.fullName), deletedAt: null, updatedAt: new Date(), ...prov })
      .where(eq(taxonConcepts.id, existing.id));
    ctx.counts.updated++;
    return existing.id;
  }
  const [ins] = await ctx.tx.insert(taxonConcepts)
    .values({ taxonomyId: w.taxonomy, ...row, nameKey: nameKey(row.fullName), ...prov })
    .returning({ id: taxonConcepts.id });
  ctx.counts.accepted++;
  return ins.id;
}

async function newerWriter(ctx: WriteContext, runId: number): Promise<boolean> {
  const [run] = await ctx.tx.select({ asOf: importRuns.asOf }).from(importRuns).where(eq(importRuns.id, runId));
  return isNewer(run?.asOf ?? null, ctx.asOf);
}

/** active:false — the concept is gone at the source: mark it deleted and leave a tombstone for the change feed. */
async function removeConcept(ctx: WriteContext, existing: ConceptRow | undefined): Promise<void> {
  if (!existing || existing.deletedAt) { ctx.counts.unchanged++; return; }
  const now = new Date();
  await ctx.tx.update(taxonConcepts).set({ deletedAt: now, updatedAt: now, importRunId: ctx.runId }).where(eq(taxonConcepts.id, existing.id));
  await ctx.tx.insert(tombstones).values({ taxonConceptId: existing.id, taxonomyId: existing.taxonomyId, fullName: existing.fullName, deletedAt: now });
  ctx.counts.updated++;
}

async function upsertSynonyms(ctx: WriteContext, acceptedId: number, synonyms: SppName[] | undefined, w: Where): Promise<void> {
  if (!Array.isArray(synonyms)) return;
  for (const [i, s] of synonyms.entries()) {
    const field = `${w.field}.synonyms[${i}]`;
    if (!s || !Number.isInteger(s.id) || typeof s.full_name !== 'string' || !toRank(String(s.rank ?? ''))) {
      ctx.reject(w.line, field, 'a synonym with id, full_name and rank'); continue;
    }
    const existing = await findConcept(ctx.tx, w.taxonomy, s.id, s.full_name);
    const words = s.full_name.split(' ');
    const row = { fullName: s.full_name.trim(), authorYear: s.author_year ?? null, rank: toRank(s.rank)!, nameStatus: 'S', speciesplusId: s.id, genusName: words.length > 1 ? words[0] : null };
    const id = await writeConcept(ctx, { ...w, field }, existing ? { ...row, data: existing.data } : row, existing);
    await ctx.tx.insert(taxonRelationships)
      .values({ type: 'HAS_SYNONYM', taxonConceptId: acceptedId, otherTaxonConceptId: id, importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: w.line })
      .onConflictDoNothing();
  }
}

async function upsertCommonNames(ctx: WriteContext, taxonId: number, names: { name: string; language: string }[] | undefined, w: Where): Promise<void> {
  if (!Array.isArray(names)) return;
  for (const [i, c] of names.entries()) {
    if (!c || typeof c.name !== 'string' || !c.name.trim() || typeof c.language !== 'string' || !/^[A-Za-z]{2,3}$/.test(c.language)) {
      ctx.reject(w.line, `${w.field}.common_names[${i}]`, 'a common name with a name and an ISO 639 language code'); continue;
    }
    const res = await ctx.tx.insert(commonNames)
      .values({ taxonConceptId: taxonId, name: c.name.trim(), language: c.language.toLowerCase(), nameKey: nameKey(c.name), importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: w.line })
      .onConflictDoNothing().returning({ id: commonNames.id });
    if (res.length) ctx.counts.accepted++; else ctx.counts.unchanged++;
  }
}

// ---- listings, distributions, references ---------------------------------------------
/** Synonyms' accepted concepts, once per import: facts of a synonym go to its accepted concept. */
const targetsOf = new WeakMap<Tx, Promise<Map<number, number>>>();

async function taxonBySpeciesplusId(ctx: WriteContext, speciesplusId: number, line: number, field: string): Promise<{ id: number; taxonomyId: string } | null> {
  const rows = await ctx.tx.select({ id: taxonConcepts.id, taxonomyId: taxonConcepts.taxonomyId }).from(taxonConcepts)
    .where(eq(taxonConcepts.speciesplusId, speciesplusId)).orderBy(taxonConcepts.taxonomyId);
  if (!rows.length) { ctx.reject(line, field, `a taxon concept already imported with Species+ id ${speciesplusId}; none found (import its taxon_concepts page first)`); return null; }
  let targets = targetsOf.get(ctx.tx);
  if (!targets) { targets = loadFactTargets(ctx.tx); targetsOf.set(ctx.tx, targets); }
  return { ...rows[0], id: (await targets).get(rows[0].id) ?? rows[0].id };
}

async function upsertLegislation(ctx: WriteContext, taxonSppId: number, listings: SppListing[] | undefined, line: number, language: string): Promise<void> {
  if (!Array.isArray(listings)) { ctx.reject(line, 'cites_listings', 'an array of CITES listing changes'); return; }
  const taxon = await taxonBySpeciesplusId(ctx, taxonSppId, line, 'taxon_concept_id');
  if (taxon) await upsertListings(ctx, taxon.id, 'CITES', listings, line, 'cites_listings', language);
}

const ANNOTATION_COLUMN = { en: 'annotationEn', es: 'annotationEs', fr: 'annotationFr' } as const;

/** Country names (English, lower case) to ISO2, once per import. */
const countryNames = new WeakMap<Tx, Promise<Map<string, string>>>();
function countriesByName(tx: Tx): Promise<Map<string, string>> {
  let m = countryNames.get(tx);
  if (!m) {
    m = tx.select({ iso2: geoEntities.iso2, name: geoEntities.nameEn }).from(geoEntities).then((rows) => new Map(rows.map((r) => [r.name.toLowerCase(), r.iso2])));
    countryNames.set(tx, m);
  }
  return m;
}

/**
 * The population scope an English Species+ annotation states ("Except the
 * populations of A, B and C, which ...", "The populations of A and B are
 * listed ..."), read by the one population parser (src/listings/annotations.ts)
 * with English country names; empty when it states none we can read.
 */
export function populationScope(annotation: string | null, countries: Map<string, string>): { included: string[]; excluded: string[] } {
  const scope = parsePopulations(annotation, { isCode: () => false, codeOfName: (n) => countries.get(n.toLowerCase()) });
  return scope && !scope.exceptAppendix ? { included: [...scope.included].sort(), excluded: [...scope.excluded].sort() } : { included: [], excluded: [] };
}

async function upsertListings(ctx: WriteContext, taxonId: number, convention: Taxonomy, listings: SppListing[], line: number, field: string, language = 'en'): Promise<void> {
  const annotationColumn = ANNOTATION_COLUMN[language as keyof typeof ANNOTATION_COLUMN] ?? 'annotationEn';
  for (const [i, l] of listings.entries()) {
    const f = `${field}[${i}]`;
    const changeType = CHANGE_TYPE[l?.change_type ?? '+'];
    if (!l || !Number.isInteger(l.id)) { ctx.reject(line, `${f}.id`, 'a listing id'); continue; }
    if (!changeType) { ctx.reject(line, `${f}.change_type`, `one of ${Object.keys(CHANGE_TYPE).join(' ')}, got ${JSON.stringify(l.change_type)}`); continue; }
    if (typeof l.appendix !== 'string' || !l.appendix) { ctx.reject(line, `${f}.appendix`, 'an appendix (I, II, III)'); continue; }
    if (l.effective_at != null && !/^\d{4}-\d{2}-\d{2}$/.test(l.effective_at)) { ctx.reject(line, `${f}.effective_at`, `a date YYYY-MM-DD, got ${JSON.stringify(l.effective_at)}`); continue; }
    const row = {
      taxonConceptId: taxonId, convention, appendix: l.appendix, changeType, effectiveAt: l.effective_at ?? null,
      partyIso2: l.party?.iso_code2 ?? null, isCurrent: l.is_current ?? false,
      data: { speciesplusListingId: l.id },
    };
    const annotation = { [annotationColumn]: l.annotation ?? null };
    // Only the English text states populations in a form we read; other languages keep what English gave.
    const scope = language === 'en' ? populationScope(l.annotation ?? null, await countriesByName(ctx.tx)) : null;
    const populations = scope ? { populationsIncluded: scope.included, populationsExcluded: scope.excluded } : {};
    const [before] = await ctx.tx.select().from(listingChanges)
      .where(and(eq(listingChanges.taxonConceptId, taxonId), sql`${listingChanges.data}->>'speciesplusListingId' = ${String(l.id)}`)).limit(1);
    const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line };
    if (!before) { await ctx.tx.insert(listingChanges).values({ ...row, ...annotation, ...populations, ...prov }); ctx.counts.accepted++; continue; }
    // A language=fr response carries French annotations: they go to their own column.
    const same = before.appendix === row.appendix && before.changeType === row.changeType && before.effectiveAt === row.effectiveAt
      && before.partyIso2 === row.partyIso2 && before.isCurrent === row.isCurrent && before[annotationColumn] === (l.annotation ?? null)
      && (!scope || (before.populationsIncluded.join() === scope.included.join() && before.populationsExcluded.join() === scope.excluded.join()));
    if (same) { ctx.counts.unchanged++; continue; }
    await ctx.tx.update(listingChanges).set({ ...row, ...annotation, ...populations, ...prov }).where(eq(listingChanges.id, before.id));
    ctx.counts.updated++;
  }
}

/** 'extinct', 'Reintroduced' -> the tags as the knowledge base spells them (EXTINCT, REINTRODUCED); unknown ones dropped. */
export function distributionTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const known = tags.map((t) => String(t).trim().toUpperCase().replace(/\s+/g, ' ')).filter((t) => (DISTRIBUTION_TAGS as readonly string[]).includes(t));
  return [...new Set(known)].sort();
}

async function upsertDistributions(ctx: WriteContext, taxonSppId: number, list: SppDistribution[], line: number): Promise<void> {
  if (!Array.isArray(list)) { ctx.reject(line, 'distributions', 'an array of distributions'); return; }
  const taxon = await taxonBySpeciesplusId(ctx, taxonSppId, line, 'taxon_concept_id');
  if (!taxon) return;
  const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line };
  for (const [i, d] of list.entries()) {
    const f = `distributions[${i}]`;
    const iso2 = typeof d?.iso_code2 === 'string' ? d.iso_code2.toUpperCase() : '';
    const [geo] = iso2 ? await ctx.tx.select({ id: geoEntities.id }).from(geoEntities).where(eq(geoEntities.iso2, iso2)).limit(1) : [];
    if (!geo) { ctx.reject(line, `${f}.iso_code2`, `a known country or territory code, got ${JSON.stringify(d?.iso_code2)} (import country-codes first)`); continue; }
    const tags = distributionTags(d.tags);
    const citations = [...new Set((Array.isArray(d.references) ? d.references : []).filter((r): r is string => typeof r === 'string' && r.trim() !== '').map((r) => r.trim()))];
    const [before] = await ctx.tx.select().from(distributions)
      .where(and(eq(distributions.taxonConceptId, taxon.id), eq(distributions.geoEntityId, geo.id))).limit(1);
    // Tags from several sources are merged: the 2017 Checklist's and the API's agree or add up.
    const merged = before ? [...new Set([...before.tags, ...tags])].sort() : tags;
    let distributionId = before?.id;
    let changed = false;
    if (!before) {
      [{ id: distributionId }] = await ctx.tx.insert(distributions).values({ taxonConceptId: taxon.id, geoEntityId: geo.id, tags, ...prov }).returning({ id: distributions.id });
    } else if (merged.join('|') !== before.tags.join('|')) {
      await ctx.tx.update(distributions).set({ tags: merged, ...prov }).where(eq(distributions.id, before.id));
      changed = true;
    }
    if (citations.length) {
      const added = await ctx.tx.insert(distributionReferences).values(citations.map((citation) => ({ distributionId: distributionId!, citation, ...prov })))
        .onConflictDoNothing().returning({ id: distributionReferences.id });
      if (added.length && before) changed = true;
    }
    if (!before) ctx.counts.accepted++; else if (changed) ctx.counts.updated++; else ctx.counts.unchanged++;
  }
}

async function upsertReferences(ctx: WriteContext, taxonSppId: number, list: SppReference[], line: number): Promise<void> {
  if (!Array.isArray(list)) { ctx.reject(line, 'references', 'an array of references'); return; }
  const taxon = await taxonBySpeciesplusId(ctx, taxonSppId, line, 'taxon_concept_id');
  if (!taxon) return;
  const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line };
  for (const [i, r] of list.entries()) {
    if (!r || !Number.isInteger(r.id) || typeof r.citation !== 'string' || !r.citation.trim()) { ctx.reject(line, `references[${i}]`, 'a reference with id and citation'); continue; }
    const [before] = await ctx.tx.select().from(references).where(eq(references.speciesplusId, r.id)).limit(1);
    let refId = before?.id;
    if (!before) {
      [{ id: refId }] = await ctx.tx.insert(references).values({ speciesplusId: r.id, citation: r.citation, ...prov }).returning({ id: references.id });
    } else if (before.citation !== r.citation) {
      await ctx.tx.update(references).set({ citation: r.citation, ...prov }).where(eq(references.id, before.id));
    }
    const link = await ctx.tx.insert(taxonReferences)
      .values({ taxonConceptId: taxon.id, referenceId: refId!, isStandard: Boolean(r.is_standard), ...prov })
      .onConflictDoUpdate({ target: [taxonReferences.taxonConceptId, taxonReferences.referenceId], set: { isStandard: Boolean(r.is_standard) }, setWhere: sql`${taxonReferences.isStandard} <> ${Boolean(r.is_standard)}` })
      .returning({ id: taxonReferences.referenceId });
    if (!before) ctx.counts.accepted++; else if (link.length) ctx.counts.updated++; else ctx.counts.unchanged++;
  }
}
