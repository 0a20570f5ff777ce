// Listing histories of the Species+ 2013 seed: the CITES listing-change log
// (animalia_legislation / plantae_legislation) and the CMS listings
// (CMS_legislation: Appendix I/II and the daughter agreements).
import { eq } from 'drizzle-orm';
import { hashAnnotations } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { byLegacy, loadConcepts, loadFactTargets } from '../write/concepts.js';
import { clean, kingdomOfFile, legacyKey, legacyRank, legacyAsOf } from '../cells/legacy.js';
import { isoCodes } from '../cells/places.js';
import { loadGeo } from '../write/lookups.js';
import { parseDmy } from '../../taxonomy/dates.js';
import { writeListingChanges, keepNewerCurrency, type ListingFact } from '../write/listings.js';
import { writeInstrumentCoverage, type CoverageFact } from '../write/instruments.js';
import { instrumentOf } from '../../taxonomy/instruments.js';

const DIR = 'sapi-legacy-2013/lib/files';

/** CITES listing values of the 2013 files -> change type and appendix. */
export function citesChange(listing: string): { changeType: string; appendix: string } | null {
  const v = listing.trim();
  let m = /^(I|II|III)$/.exec(v);
  if (m) return { changeType: 'ADDITION', appendix: m[1] };
  m = /^DEL(I|II|III)$/i.exec(v);
  if (m) return { changeType: 'DELETION', appendix: m[1] };
  m = /^(I|II|III)\/([rw])$/i.exec(v);
  if (m) return { changeType: m[2].toLowerCase() === 'r' ? 'RESERVATION' : 'RESERVATION_WITHDRAWAL', appendix: m[1] };
  return null;
}

/**
 * A CMS row lists the taxon in Appendix I or II, or names the Agreement or
 * MOU covering it (in `listing`: AEWA, EUROBATS, Raptors ...; or, with an
 * empty listing, in `CMS instrument`: 'CMS - Marine Turtles - IOSEA').
 */
export function cmsListing(listing: string, instrumentColumn: string): { appendix: 'I' | 'II' } | { instrument: string } | null {
  const l = listing.trim();
  if (l === 'I' || l === 'II') return { appendix: l };
  const named = instrumentOf(l || instrumentColumn);
  return named ? { instrument: named.code } : null;
}

type Problem = { problem: true; field: string; reason: string };
const isProblem = (x: object): x is Problem => 'problem' in x;

/** Every code known, or the first unknown one as a problem. */
function checkCodes(field: string, codes: string[], geo: Map<string, number>): Problem | null {
  const bad = codes.find((c) => !geo.has(c));
  return bad ? { problem: true, field, reason: `known ISO codes, got '${bad}'` } : null;
}

/** 'SPECIES:19475,SPECIES:19476' / 'Subspecies: 5323' -> legacy keys. */
function excludedKeys(kingdom: 'A' | 'P', value: string): string[] | Problem {
  const out: string[] = [];
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z]+)\s*:\s*(\d+)$/.exec(part);
    const rank = m ? legacyRank(m[1]) : null;
    if (!m || !rank) return { problem: true, field: 'excluded_rec_ids', reason: `RANK:RecID items, got '${part}'` };
    out.push(legacyKey(kingdom, rank, m[2]));
  }
  return out;
}

export const importers: Importer[] = [
  {
    format: 'sapi-cites-legislation',
    asOf: legacyAsOf,
    description: 'Species+ 2013 CITES listing-change history (animalia_legislation_utf8.csv, plantae_legislation_utf8.csv)',
    seed: [
      { order: 50, path: `${DIR}/animals/animalia_legislation_utf8.csv` },
      { order: 51, path: `${DIR}/plants/plantae_legislation_utf8.csv` },
    ],
    async run(ctx) {
      const kingdom = kingdomOfFile(ctx.fileName);
      const concepts = byLegacy(await loadConcepts(ctx.tx), await loadFactTargets(ctx.tx));
      const geo = await loadGeo(ctx.tx);
      const hashes = new Map((await ctx.tx.select().from(hashAnnotations).where(eq(hashAnnotations.convention, 'CITES'))).map((h) => [h.displayName, h]));
      const concept = (rank: string, id: string) => {
        const r = legacyRank(rank);
        return r ? concepts.get(`CITES|${legacyKey(kingdom, r, id)}`) : undefined;
      };
      const facts: ListingFact[] = [];
      const required = ['rank_name', 'rec_id', 'listing', 'effective_from', 'party_iso2', 'is_current', 'populations_iso2', 'EXCLUDEDpopulations_iso', 'is_inclusion', 'included_in_RecID', 'RankforInclusions', 'excluded_rec_ids', 'short_note_en', 'short_note_es', 'short_note_fr', 'full_note_en', 'hash_note'];
      for await (const { line, values: v } of readCsv(ctx.file, { required, onBytes: ctx.progress })) {
        const fact = citesFact(v, { concept, geo, hashes, kingdom });
        if (isProblem(fact)) { ctx.reject(line, fact.field, fact.reason); continue; }
        facts.push({ line, values: fact });
      }
      await writeListingChanges(ctx, 'CITES', facts, { keep: keepNewerCurrency });
    },
  },
  {
    format: 'sapi-cms-legislation',
    asOf: legacyAsOf,
    description: 'Species+ 2013 CMS listings: Appendix I/II and agreements such as AEWA, EUROBATS, ACAP (CMS_legislation_utf8.csv)',
    seed: [{ order: 52, path: `${DIR}/animals/CMS_legislation_utf8.csv` }],
    async run(ctx) {
      const concepts = byLegacy(await loadConcepts(ctx.tx), await loadFactTargets(ctx.tx));
      const geo = await loadGeo(ctx.tx);
      const facts: ListingFact[] = [];
      const coverage: CoverageFact[] = [];
      const required = ['rank', 'rec_id', 'listing', 'effective_from', 'is_current', 'populations_iso2', 'EXCLUDEDpopulations_iso', 'LegNotes', 'CMS instrument'];
      for await (const { line, values: v } of readCsv(ctx.file, { required, onBytes: ctx.progress })) {
        const fact = cmsFact(v, { concepts, geo });
        if (isProblem(fact)) { ctx.reject(line, fact.field, fact.reason); continue; }
        if ('instrument' in fact) coverage.push({ line, ...(fact as Omit<CoverageFact, 'line'>) });
        else facts.push({ line, values: fact as ListingFact['values'] });
      }
      await writeListingChanges(ctx, 'CMS', facts, { keep: keepNewerCurrency });
      await writeInstrumentCoverage(ctx, coverage, { keep: keepNewerCurrency });
    },
  },
];

interface CitesLookups {
  concept(rank: string, id: string): number | undefined;
  geo: Map<string, number>;
  hashes: Map<string, { symbol: string; textEn: string | null }>;
  kingdom: 'A' | 'P';
}

function citesFact(v: Record<string, string>, l: CitesLookups): ListingFact['values'] | Problem {
  const rank = legacyRank(v.rank_name);
  if (!rank) return { problem: true, field: 'rank_name', reason: `a known rank, got '${v.rank_name}'` };
  const taxonConceptId = l.concept(v.rank_name, v.rec_id.trim());
  if (taxonConceptId == null) return { problem: true, field: 'rec_id', reason: `a taxon of the CITES taxonomy (${rank} ${v.rec_id.trim()} is not in the taxa file)` };
  const change = citesChange(v.listing);
  if (!change) return { problem: true, field: 'listing', reason: `I, II, III, DELI, DELII, DELIII or I/r, I/w ... (reservation/withdrawal), got '${v.listing}'` };
  if (!parseDmy(v.effective_from)) return { problem: true, field: 'effective_from', reason: `a date DD/MM/YYYY, got '${v.effective_from}'` };
  const partyIso2 = clean(v.party_iso2)?.toUpperCase() ?? null;
  if (partyIso2 && !l.geo.has(partyIso2)) return { problem: true, field: 'party_iso2', reason: `a known ISO code, got '${partyIso2}'` };
  const when = dateAndScope(v, l.geo);
  if ('problem' in when) return when;
  let inclusionTaxonConceptId: number | null = null;
  if (v.is_inclusion.trim() === '1' || v.included_in_RecID.trim()) {
    if (!v.included_in_RecID.trim()) return { problem: true, field: 'included_in_RecID', reason: 'the RecID of the higher taxon an inclusion is listed under' };
    const id = l.concept(v.RankforInclusions, v.included_in_RecID.trim());
    if (id == null) return { problem: true, field: 'included_in_RecID', reason: `a taxon of the CITES taxonomy, got ${v.RankforInclusions} ${v.included_in_RecID.trim()}` };
    inclusionTaxonConceptId = id;
  }
  const excluded = excludedKeys(l.kingdom, v.excluded_rec_ids);
  if (!Array.isArray(excluded)) return excluded;
  const excludedTaxonConceptIds: number[] = [];
  for (const key of excluded) {
    const [, rank2, id] = key.split(':');
    const cid = l.concept(rank2, id);
    if (cid == null) return { problem: true, field: 'excluded_rec_ids', reason: `taxa of the CITES taxonomy, got ${rank2} ${id}` };
    excludedTaxonConceptIds.push(cid);
  }
  let hashSymbol: string | null = null;
  let hashAnnotationEn: string | null = null;
  const hashNote = clean(v.hash_note);
  if (hashNote) {
    const h = l.hashes.get(hashNote);
    if (!h) return { problem: true, field: 'hash_note', reason: `a known # annotation such as 'CoP16 #5', got '${hashNote}'` };
    hashSymbol = h.symbol;
    hashAnnotationEn = h.textEn;
  }
  const data: Record<string, unknown> = { listing: v.listing.trim() };
  for (const [col, keyName] of [['SpeciesIndexAnnotation', 'speciesIndexAnnotation'], ['HistoryAnnotation', 'historyAnnotation'], ['Notes', 'notes'], ['hash_note', 'hashNote']] as const) {
    const val = clean(v[col]);
    if (val) data[keyName] = val;
  }
  return {
    taxonConceptId, convention: 'CITES', ...change, ...when, partyIso2, inclusionTaxonConceptId, excludedTaxonConceptIds,
    annotationEn: clean(v.short_note_en), annotationEs: clean(v.short_note_es), annotationFr: clean(v.short_note_fr),
    fullAnnotationEn: clean(v.full_note_en), hashSymbol, hashAnnotationEn, data,
  };
}

/** The columns both legislation files share: effective date, is_current and the population scope. */
function dateAndScope(v: Record<string, string>, geo: Map<string, number>) {
  const effectiveAt = parseDmy(v.effective_from);
  if (!effectiveAt) return { problem: true, field: 'effective_from', reason: `a date DD/MM/YYYY, got '${v.effective_from}'` } as Problem;
  const cur = v.is_current.trim();
  if (cur !== '0' && cur !== '1') return { problem: true, field: 'is_current', reason: `0 or 1, got '${v.is_current}'` } as Problem;
  const populationsIncluded = isoCodes(v.populations_iso2);
  const populationsExcluded = isoCodes(v.EXCLUDEDpopulations_iso);
  const bad = checkCodes('populations_iso2', populationsIncluded, geo) ?? checkCodes('EXCLUDEDpopulations_iso', populationsExcluded, geo);
  if (bad) return bad;
  return { effectiveAt, isCurrent: cur === '1', populationsIncluded, populationsExcluded };
}

function cmsFact(v: Record<string, string>, l: { concepts: Map<string, number>; geo: Map<string, number> }): ListingFact['values'] | Omit<CoverageFact, 'line'> | Problem {
  const rank = legacyRank(v.rank);
  if (!rank) return { problem: true, field: 'rank', reason: `a known rank, got '${v.rank}'` };
  const taxonConceptId = l.concepts.get(`CMS|${legacyKey('A', rank, v.rec_id)}`);
  if (taxonConceptId == null) return { problem: true, field: 'rec_id', reason: `a taxon of the CMS taxonomy (${rank} ${v.rec_id.trim()} is not a CMS taxon of animalia_taxa)` };
  const listed = cmsListing(v.listing, v['CMS instrument']);
  if (!listed) return { problem: true, field: 'listing', reason: `I, II or a CMS Agreement or MOU (AEWA, EUROBATS, Raptors ...), got '${v.listing || v['CMS instrument']}'` };
  const when = dateAndScope(v, l.geo);
  if ('problem' in when) return when;
  const data: Record<string, unknown> = { listing: v.listing.trim() };
  const instrument = clean(v['CMS instrument']);
  if (instrument) data.instrument = instrument;
  const internal = clean(v['Internal Notes']);
  if (internal) data.internalNotes = internal;
  if ('instrument' in listed) {
    return { taxonConceptId, instrument: listed.instrument, since: when.effectiveAt, isCurrent: when.isCurrent, populationsIncluded: when.populationsIncluded, populationsExcluded: when.populationsExcluded, note: clean(v.LegNotes), data };
  }
  return {
    taxonConceptId, convention: 'CMS', appendix: listed.appendix, changeType: 'ADDITION', ...when, partyIso2: null,
    annotationEn: clean(v.LegNotes), data,
  };
}
