// The CITES Checklist "Index of CITES Species" CSV (plain or .gz): the CITES
// taxonomy with authors and higher taxa, synonyms, common names (en/es/fr),
// distributions with tags, and each taxon's current listing.
//
// Current listing: CurrentListing summarises the taxon AND its descendants
// (Ovis ammon is 'I/II' because two subspecies are in Appendix I; the genus
// Abronia is 'I/II' because some species are in Appendix I). One listing
// change {ADDITION, is_current} is written for each appendix the taxon is
// listed in itself - an appendix of CurrentListing with its own segment in
// the annotation columns ("Appendix II: ..."). The other appendices come from
// descendants; they are kept in data.listingFromDescendants, and data.currentListing
// holds the raw value, so the listing engine can check that own listings plus
// descendants reproduce it (they do, for every row of the 2017 file).
// Writing an App I row on Abronia itself would list every Abronia species in
// App I by inheritance, which is wrong.
import path from 'node:path';
import { readCsv, splitList, type CsvRecord } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { toRank } from '../../taxonomy/ranks.js';
import { loadGeoByIso2, type GeoRef } from '../write/lookups.js';
import { isoCodes, splitPlaceNames, alignPlaces } from '../cells/places.js';
import { appendixSegments, parsePopulations, completeSplitListing, type PopulationScope } from '../../listings/annotations.js';
import { splitSynonyms, splitNameAuthor } from '../cells/synonyms.js';
import { syncTaxa, type ListingFact, type SourceTaxon } from '../write/taxa.js';
import type { HigherTaxa } from '../write/concepts.js';
import { dayInPath } from '../cells/legacy.js';

export const CHECKLIST_COLUMNS = [
  'TaxonId', 'Kingdom', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'Species', 'Subspecies', 'FullName', 'AuthorYear', 'RankName',
  'CurrentListing', 'FullAnnotationEnglish', 'AnnotationEnglish', 'AnnotationSpanish', 'AnnotationFrench', '#AnnotationSymbol', '#Annotation',
  'SynonymsWithAuthors', 'EnglishNames', 'SpanishNames', 'FrenchNames', 'CitesAccepted', 'All_DistributionISOCodes', 'All_DistributionFullNames',
  'NativeDistributionFullNames', 'Introduced_Distribution', 'Introduced(?)_Distribution', 'Reintroduced_Distribution', 'Extinct_Distribution',
  'Extinct(?)_Distribution', 'Distribution_Uncertain',
];

/** Tag columns (full country names) and the distribution tag each gives. */
export const TAG_COLUMNS: [string, string][] = [
  ['Introduced_Distribution', 'INTRODUCED'], ['Introduced(?)_Distribution', 'INTRODUCED (?)'], ['Reintroduced_Distribution', 'REINTRODUCED'],
  ['Extinct_Distribution', 'EXTINCT'], ['Extinct(?)_Distribution', 'EXTINCT (?)'], ['Distribution_Uncertain', 'DISTRIBUTION UNCERTAIN'],
];

const LISTING_TOKENS = new Set(['I', 'II', 'III', 'NC']);
const LANGUAGES: [string, string][] = [['EnglishNames', 'en'], ['SpanishNames', 'es'], ['FrenchNames', 'fr']];

/** 'checklist-2017' from 'Index_of_CITES_Species_2017-04-21 17-27.csv.gz'. */
export function checklistSource(fileName: string): string {
  const year = /(\d{4})-\d\d-\d\d/.exec(fileName)?.[1] ?? /(?:19|20)\d\d/.exec(fileName)?.[0];
  return year ? `checklist-${year}` : 'checklist';
}

/** Long annotation texts repeat on thousands of rows (#4 on 30,000 orchids): keep one copy of each. */
export class Interner {
  private map = new Map<string, string>();
  get(s: string | null): string | null {
    if (s == null) return null;
    const hit = this.map.get(s);
    if (hit !== undefined) return hit;
    this.map.set(s, s);
    return s;
  }
}

const blank = (s: string | undefined) => (s ?? '').trim() || null;

export interface RowParseContext {
  ctx: ImportContext;
  geo: Map<string, GeoRef>;
  source: string;
  intern: Interner;
}

/** The higher-taxa columns of a Checklist-like row. */
export function higherOf(v: Record<string, string>, cols = { kingdom: 'Kingdom', phylum: 'Phylum', class: 'Class', order: 'Order', family: 'Family', genus: 'Genus' }): HigherTaxa {
  return {
    kingdomName: blank(v[cols.kingdom]), phylumName: blank(v[cols.phylum]), className: blank(v[cols.class]),
    orderName: blank(v[cols.order]), familyName: blank(v[cols.family]), genusName: blank(v[cols.genus]),
  };
}

/**
 * Distributions from the ISO code list and the tag columns (full names, mapped
 * to codes through the aligned name list). Unknown codes and unplaceable tag
 * names are reported as reject lines; the rest of the row is kept.
 */
export function parseDistributions(p: RowParseContext, line: number, v: Record<string, string>, cols: { codes: string; names: string; tags: [string, string][] }): { map: Map<number, string[]>; nameToCode: Map<string, string> } {
  const codes = isoCodes(v[cols.codes]);
  const names = splitPlaceNames(v[cols.names]);
  const nameToCode = alignPlaces(codes, names) ?? new Map<string, string>();
  const tagsByCode = new Map<string, string[]>();
  for (const [column, tag] of cols.tags) {
    for (const name of splitPlaceNames(v[column])) {
      const code = nameToCode.get(name) ?? [...p.geo.values()].find((g) => g.nameEn === name)?.iso2;
      if (!code || !codes.includes(code)) { p.ctx.reject(line, column, `a place named in ${cols.names} (with its code in ${cols.codes}); '${name}' is not`); continue; }
      const list = tagsByCode.get(code) ?? [];
      if (!list.includes(tag)) list.push(tag);
      tagsByCode.set(code, list);
    }
  }
  const map = new Map<number, string[]>();
  for (const code of codes) {
    const g = p.geo.get(code);
    if (!g) { p.ctx.reject(line, cols.codes, `a known ISO code (import country-codes and cites-parties first); '${code}' is not a geo entity`); continue; }
    map.set(g.id, tagsByCode.get(code) ?? []);
  }
  return { map, nameToCode };
}

/** A row of the file -> a source taxon, or null after a reject. */
function parseRow(p: RowParseContext, rec: CsvRecord, seen: Map<number, number>): SourceTaxon | null {
  const { ctx, intern } = p;
  const { line, values: v } = rec;
  const idText = v.TaxonId.trim();
  if (!/^\d+$/.test(idText)) { ctx.reject(line, 'TaxonId', `a numeric Species+ taxon id, got '${idText}'`); return null; }
  const taxonId = Number(idText);
  const dup = seen.get(taxonId);
  if (dup != null) { ctx.reject(line, 'TaxonId', `a unique TaxonId; ${taxonId} is already on line ${dup}`); return null; }
  const rank = toRank(v.RankName);
  if (!rank) { ctx.reject(line, 'RankName', `a known rank (KINGDOM ... SPECIES, SUBSPECIES, VARIETY), got '${v.RankName}'`); return null; }
  const fullName = v.FullName.trim().replace(/\s+/g, ' ');
  if (!fullName) { ctx.reject(line, 'FullName', 'a scientific name'); return null; }
  const higher = higherOf(v);
  if (!higher.kingdomName) { ctx.reject(line, 'Kingdom', 'a kingdom (Animalia or Plantae)'); return null; }
  const tokens = v.CurrentListing.split('/').map((t) => t.trim()).filter(Boolean);
  const badToken = tokens.find((t) => !LISTING_TOKENS.has(t));
  if (badToken) { ctx.reject(line, 'CurrentListing', `appendices I, II, III or NC separated by '/', got '${v.CurrentListing}'`); return null; }
  seen.set(taxonId, line);

  const { map: distributions, nameToCode } = parseDistributions(p, line, v, { codes: 'All_DistributionISOCodes', names: 'All_DistributionFullNames', tags: TAG_COLUMNS });
  const listings = currentListings(p, v, tokens, nameToCode);
  const synonyms = splitSynonyms(v.SynonymsWithAuthors, { uninomials: rank === 'GENUS' || rank === 'FAMILY' || rank === 'ORDER' || rank === 'SUBFAMILY' })
    .map(splitNameAuthor)
    .filter((s) => s.fullName.toLowerCase() !== fullName.toLowerCase() || s.rank !== rank);
  const commonNames: { language: string; name: string }[] = [];
  for (const [column, language] of LANGUAGES) {
    for (const name of new Set(splitList(v[column]))) commonNames.push({ language, name });
  }
  const own = new Set(listings.map((l) => l.appendix));
  return {
    line, speciesplusId: taxonId, rank, fullName, author: blank(v.AuthorYear), higher,
    speciesName: rank === 'SPECIES' || !blank(v.Species) ? null : `${v.Genus.trim()} ${v.Species.trim()}`,
    data: {
      currentListing: v.CurrentListing.trim(),
      citesAccepted: v.CitesAccepted.trim().toLowerCase() === 'true',
      listingFromDescendants: tokens.filter((t) => t !== 'NC' && !own.has(t)),
    },
    synonyms, commonNames, distributions,
    listings: listings.map((l) => ({ ...l, annotationEn: intern.get(l.annotationEn), annotationEs: intern.get(l.annotationEs), annotationFr: intern.get(l.annotationFr), fullAnnotationEn: intern.get(l.fullAnnotationEn), hashAnnotationEn: intern.get(l.hashAnnotationEn) })),
  };
}

/** One current ADDITION per appendix the taxon is listed in itself (see the head of this file). */
function currentListings(p: RowParseContext, v: Record<string, string>, tokens: string[], nameToCode: Map<string, string>): ListingFact[] {
  const en = appendixSegments(v.AnnotationEnglish);
  const es = appendixSegments(v.AnnotationSpanish);
  const fr = appendixSegments(v.AnnotationFrench);
  const full = appendixSegments(v.FullAnnotationEnglish);
  const hash = appendixSegments(v['#Annotation']);
  const symbol = blank(v['#AnnotationSymbol']);
  const own = tokens.filter((t) => t !== 'NC' && (en.has(t) || es.has(t) || fr.has(t) || full.has(t) || hash.has(t)));
  const lookup = {
    isCode: (c: string) => p.geo.has(c),
    codeOfName: (name: string) => nameToCode.get(name) ?? [...nameToCode.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1],
  };
  const scopes = completeSplitListing(new Map<string, PopulationScope | null>(own.map((a) => [a, parsePopulations(en.get(a), lookup)])));
  return own.map((appendix) => {
    const hashText = hash.get(appendix) || null;
    return {
      convention: 'CITES', appendix, changeType: 'ADDITION', isCurrent: true, effectiveAt: null, partyIso2: null,
      populationsIncluded: scopes.get(appendix)?.included ?? [], populationsExcluded: scopes.get(appendix)?.excluded ?? [],
      annotationEn: en.get(appendix) || null, annotationEs: es.get(appendix) || null, annotationFr: fr.get(appendix) || null,
      fullAnnotationEn: full.get(appendix) || null,
      hashSymbol: hashText ? symbol : null, hashAnnotationEn: hashText,
      nomenclatureNote: null, data: { source: p.source },
    };
  });
}

export const importer: Importer = {
  format: 'checklist-csv',
  /** The export's day is in its name: 'Index_of_CITES_Species_2017-04-21 17-27.csv.gz'. */
  asOf: (file) => dayInPath(path.basename(file)),
  description: 'CITES Checklist "Index of CITES Species" CSV (.csv or .csv.gz): CITES taxonomy, synonyms, common names, distributions, current listings',
  seed: [{ order: 60, path: 'cites-index-2017/Index_of_CITES_Species_2017-04-21 17-27.csv.gz' }],
  async run(ctx) {
    const started = Date.now();
    const source = checklistSource(path.basename(ctx.file));
    const p: RowParseContext = { ctx, geo: await loadGeoByIso2(ctx.tx), source, intern: new Interner() };
    const rows: SourceTaxon[] = [];
    const seen = new Map<number, number>();
    for await (const rec of readCsv(ctx.file, { required: CHECKLIST_COLUMNS, onBytes: ctx.progress })) {
      const row = parseRow(p, rec, seen);
      if (row) rows.push(row);
    }
    const parsed = Date.now() - started;
    const result = await syncTaxa(ctx, rows, { taxonomyId: 'CITES', importer: 'checklist-csv', source, supersedeCurrent: 'CITES' });
    if (result.createdHigherTaxa) ctx.note(`created ${result.createdHigherTaxa} higher taxa from the Kingdom..Genus columns`);
    if (result.createdSynonyms) ctx.note(`created ${result.createdSynonyms} synonym concepts`);
    if (result.supersededListingChanges) ctx.note(`set is_current=false on ${result.supersededListingChanges} current CITES listing changes of other sources for taxa in this file`);
    ctx.note(`milliseconds: read ${parsed}, ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  },
};
