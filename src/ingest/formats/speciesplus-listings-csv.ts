// The Species+ "Listings" CSV download, comma or semicolon separated, in its
// two layouts (told apart by the header):
//  CITES: Id, Kingdom, Phylum, Class, Order, Family, Genus, Species, Subspecies,
//         Scientific Name, Author, Rank, Listing, Party, Listed under, Full note,
//         # Full note, then distribution columns -> the CITES taxonomy;
//  CMS:   Id, Phylum, Class, Order, Family, Genus, ScientificName, Author, Rank,
//         Agreement, Listing, Listed under, Date, Note, then distribution
//         columns -> the CMS taxonomy (animals only: Kingdom is Animalia).
// Each row's listing replaces the taxon's current listing from this importer;
// other sources' current rows of that convention are marked not current.
import { readCsv, type CsvRecord } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { toRank } from '../../taxonomy/ranks.js';
import { loadGeoByIso2, type GeoRef } from '../write/lookups.js';
import { appendixSegments, parsePopulations, completeSplitListing, type PopulationScope } from '../../listings/annotations.js';
import { syncTaxa, type ListingFact, type SourceTaxon } from '../write/taxa.js';
import { parseDistributions, Interner, type RowParseContext } from './checklist-csv.js';
import { ImportRefused } from '../errors.js';
import { instrumentOf } from '../../taxonomy/instruments.js';
import type { HigherTaxa } from '../write/concepts.js';

const CITES_COLUMNS = ['Id', 'Kingdom', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'Species', 'Subspecies', 'Scientific Name', 'Author', 'Rank', 'Listing', 'Party', 'Listed under', 'Full note', '# Full note'];
const CMS_COLUMNS = ['Id', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'ScientificName', 'Author', 'Rank', 'Agreement', 'Listing', 'Listed under', 'Date', 'Note'];
const DISTRIBUTION_TAGS: [string, string][] = [
  ['Introduced_Distribution', 'INTRODUCED'], ['Introduced(?)_Distribution', 'INTRODUCED (?)'], ['Reintroduced_Distribution', 'REINTRODUCED'],
  ['Extinct_Distribution', 'EXTINCT'], ['Extinct(?)_Distribution', 'EXTINCT (?)'], ['Distribution_Uncertain', 'DISTRIBUTION UNCERTAIN'],
];

type Layout = 'CITES' | 'CMS';
type Issue = { field: string; reason: string };
const blank = (s: string | undefined) => (s ?? '').trim() || null;

/** The layout a header announces; null when it is neither. */
export function layoutOf(header: string[]): Layout | null {
  if (CITES_COLUMNS.every((c) => header.includes(c))) return 'CITES';
  if (CMS_COLUMNS.every((c) => header.includes(c))) return 'CMS';
  return null;
}

/** Parties of an App III listing: ISO codes or country names, comma separated; an unknown one is rejected alone. */
function parties(p: RowParseContext, line: number, value: string | undefined): string[] {
  const out: string[] = [];
  for (const item of (value ?? '').split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
    const code = /^[A-Za-z]{2}$/.test(item) && p.geo.has(item.toUpperCase()) ? item.toUpperCase()
      : [...p.geo.values()].find((g) => g.nameEn.toLowerCase() === item.toLowerCase())?.iso2;
    if (!code) { p.ctx.reject(line, 'Party', `a Party as an ISO code or country name; '${item}' is neither (the row is kept without it)`); continue; }
    out.push(code);
  }
  return out;
}

/** 'Kinosternon spp.' -> 'Kinosternon': the higher taxon a row is listed under; null when listed in its own right. */
export function listedUnder(value: string | undefined, fullName: string): string | null {
  const v = (value ?? '').trim().replace(/\s+spp\.?$/i, '').trim();
  return v && v.toLowerCase() !== fullName.toLowerCase() ? v : null;
}

/** 'dd/mm/yyyy' -> ISO; '**II** 14/02/2000 **I** 01/01/2005' -> per appendix. */
function cmsDates(value: string | undefined): Map<string, string> | Issue {
  const out = new Map<string, string>();
  const v = (value ?? '').trim();
  if (!v) return out;
  const re = /(?:\*\*(I{1,3})\*\*\s*)?(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
  let found = false;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    found = true;
    const iso = `${m[4]}-${m[3].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { field: 'Date', reason: `a date DD/MM/YYYY, got '${m[0]}'` };
    if (!out.has(m[1] ?? '*')) out.set(m[1] ?? '*', iso); // several dates (populations listed later): the first
  }
  return found ? out : { field: 'Date', reason: `a date DD/MM/YYYY, got '${v}'` };
}

/** '**II** note' segments -> per appendix (no markers: the same note for all). */
function cmsNotes(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const v = (value ?? '').trim();
  if (!v) return out;
  const parts = v.split(/\*\*(I{1,3})\*\*/);
  if (parts.length === 1) { out.set('*', v); return out; }
  for (let i = 1; i < parts.length; i += 2) {
    const text = parts[i + 1]?.trim();
    if (text) out.set(parts[i], out.has(parts[i]) ? `${out.get(parts[i])}\n${text}` : text);
  }
  return out;
}

/** The Agreement or MOU a CMS row names (Agreement column other than CMS), as coverage of the taxon. */
function cmsInstruments(v: Record<string, string>): SourceTaxon['instruments'] | Issue {
  const agreement = (v.Agreement ?? '').trim();
  if (!agreement || agreement.toUpperCase() === 'CMS') return [];
  const known = instrumentOf(agreement);
  if (!known) return { field: 'Agreement', reason: `CMS or a CMS Agreement or MOU (AEWA, EUROBATS, Raptors ...), got '${agreement}'` };
  const dates = cmsDates(v.Date);
  return [{ instrument: known.code, since: 'reason' in dates ? null : dates.get('*') ?? [...dates.values()][0] ?? null, note: (v.Note ?? '').trim() || null }];
}

function parseTaxon(rec: CsvRecord, layout: Layout): SourceTaxon | Issue {
  const v = rec.values;
  const id = v.Id.trim();
  if (!/^\d+$/.test(id)) return { field: 'Id', reason: `a numeric Species+ taxon id, got '${id}'` };
  const rank = toRank(v.Rank);
  if (!rank) return { field: 'Rank', reason: `a known rank (KINGDOM ... SPECIES, SUBSPECIES, VARIETY), got '${v.Rank}'` };
  const nameField = layout === 'CITES' ? 'Scientific Name' : 'ScientificName';
  const fullName = (v[nameField] ?? '').trim().replace(/\s+/g, ' ');
  if (!fullName) return { field: nameField, reason: 'a scientific name' };
  const higher: HigherTaxa = {
    kingdomName: layout === 'CITES' ? blank(v.Kingdom) : 'Animalia', phylumName: blank(v.Phylum), className: blank(v.Class),
    orderName: blank(v.Order), familyName: blank(v.Family), genusName: blank(v.Genus),
  };
  if (!higher.kingdomName) return { field: 'Kingdom', reason: 'a kingdom (Animalia or Plantae)' };
  const words = fullName.split(' ');
  const speciesName = rank === 'SUBSPECIES' || rank === 'VARIETY' || rank === 'FORM' ? (blank(v.Species) ? `${v.Genus.trim()} ${v.Species.trim()}` : words.slice(0, 2).join(' ')) : null;
  return { line: rec.line, speciesplusId: Number(id), rank, fullName, author: blank(v.Author), higher, speciesName, data: { listedUnder: blank(v['Listed under']) } };
}

function citesListings(p: RowParseContext, line: number, v: Record<string, string>, nameToCode: Map<string, string>, fullName: string): ListingFact[] | Issue {
  const tokens = v.Listing.split('/').map((t) => t.trim()).filter(Boolean);
  if (tokens.some((t) => !['I', 'II', 'III', 'NC'].includes(t))) return { field: 'Listing', reason: `appendices I, II, III or NC separated by '/', got '${v.Listing}'` };
  const partyList = parties(p, line, v.Party);
  const under = listedUnder(v['Listed under'], fullName);
  const own = tokens.filter((t) => t !== 'NC');
  const notes = appendixSegments(v['Full note']);
  const hashes = appendixSegments(v['# Full note']);
  const note = (a: string) => (notes.size ? notes.get(a) || null : blank(v['Full note']));
  const hash = (a: string) => (hashes.size ? hashes.get(a) || null : blank(v['# Full note']));
  const lookup = { isCode: (c: string) => p.geo.has(c), codeOfName: (n: string) => nameToCode.get(n) };
  const scopes = completeSplitListing(new Map<string, PopulationScope | null>(own.map((a) => [a, parsePopulations(note(a), lookup)])));
  const fact = (appendix: string, party: string | null): ListingFact => ({
    convention: 'CITES', appendix, changeType: 'ADDITION', isCurrent: true, effectiveAt: null, partyIso2: party,
    populationsIncluded: scopes.get(appendix)?.included ?? [], populationsExcluded: scopes.get(appendix)?.excluded ?? [],
    annotationEn: note(appendix), annotationEs: null, annotationFr: null, fullAnnotationEn: note(appendix),
    hashSymbol: /^#\d+/.exec(hash(appendix) ?? '')?.[0] ?? null, hashAnnotationEn: hash(appendix), nomenclatureNote: null,
    data: { source: p.source, listedUnder: blank(v['Listed under']) },
    inclusionName: under,
  });
  return own.flatMap((a) => (a === 'III' && partyList.length ? partyList.map((party) => fact(a, party)) : [fact(a, null)]));
}

function cmsListings(p: RowParseContext, v: Record<string, string>, fullName: string): ListingFact[] | Issue {
  const agreement = (v.Agreement ?? '').trim() || 'CMS';
  const tokens = v.Listing.split('/').map((t) => t.trim()).filter(Boolean);
  if (tokens.some((t) => !['I', 'II'].includes(t))) return { field: 'Listing', reason: `CMS appendices I or II separated by '/', got '${v.Listing}'` };
  const dates = cmsDates(v.Date);
  if ('reason' in dates) return dates;
  const notes = cmsNotes(v.Note);
  // An Agreement or MOU is instrument coverage (see cmsInstruments), not an appendix.
  const appendices = agreement.toUpperCase() === 'CMS' ? tokens : [];
  return appendices.map((appendix) => ({
    convention: 'CMS', appendix, changeType: 'ADDITION', isCurrent: true, effectiveAt: dates.get(appendix) ?? dates.get('*') ?? null, partyIso2: null,
    populationsIncluded: [], populationsExcluded: [],
    annotationEn: notes.get(appendix) ?? notes.get('*') ?? null, annotationEs: null, annotationFr: null, fullAnnotationEn: null,
    hashSymbol: null, hashAnnotationEn: null, nomenclatureNote: null,
    data: { source: p.source, agreement, listedUnder: blank(v['Listed under']) },
    inclusionName: listedUnder(v['Listed under'], fullName),
  }));
}

async function run(ctx: ImportContext): Promise<void> {
  const p: RowParseContext = { ctx, geo: await loadGeoByIso2(ctx.tx), source: 'speciesplus-listings', intern: new Interner() };
  let layout: Layout | null = null;
  const rows: SourceTaxon[] = [];
  const seen = new Map<number, number>();
  for await (const rec of readCsv(ctx.file, { required: ['Id', 'Rank', 'Listing', 'Listed under'], delimiter: 'auto', onBytes: ctx.progress })) {
    layout ??= layoutOf(Object.keys(rec.values));
    if (!layout) throw new ImportRefused(ctx.fileName, 1, null, `the header of a Species+ listings CSV: CITES (${CITES_COLUMNS.join(', ')}) or CMS (${CMS_COLUMNS.join(', ')})`);
    const t = parseTaxon(rec, layout);
    if ('reason' in t) { ctx.reject(rec.line, t.field, t.reason); continue; }
    const dup = seen.get(t.speciesplusId!);
    if (dup != null) { ctx.reject(rec.line, 'Id', `a unique Id; ${t.speciesplusId} is already on line ${dup}`); continue; }
    const { map, nameToCode } = parseDistributions(p, rec.line, rec.values, { codes: 'All_DistributionISOCodes', names: 'All_DistributionFullNames', tags: DISTRIBUTION_TAGS.filter(([c]) => c in rec.values) });
    const listings = layout === 'CITES' ? citesListings(p, rec.line, rec.values, nameToCode, t.fullName) : cmsListings(p, rec.values, t.fullName);
    if ('reason' in listings) { ctx.reject(rec.line, listings.field, listings.reason); continue; }
    const instruments = layout === 'CMS' ? cmsInstruments(rec.values) : undefined;
    if (instruments && 'reason' in instruments) { ctx.reject(rec.line, instruments.field, instruments.reason); continue; }
    seen.set(t.speciesplusId!, rec.line);
    rows.push({ ...t, listings, instruments, distributions: 'All_DistributionISOCodes' in rec.values ? map : undefined });
  }
  if (!layout) return;
  await syncTaxa(ctx, rows, { taxonomyId: layout, importer: 'speciesplus-listings-csv', source: 'speciesplus-listings', supersedeCurrent: layout, createMissingSpecies: true });
  ctx.note(`layout: ${layout}`);
}

export const importer: Importer = {
  format: 'speciesplus-listings-csv',
  description: 'Species+ "Listings" CSV download (CITES or CMS layout, comma or semicolon separated): taxa, current listings, distributions',
  run,
};
