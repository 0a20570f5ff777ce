// The CITES Checklist "History" CSV: one line per listing change of a taxon
// (the taxon columns of the Index, then Appendix, PartyIsoCode, PartyFullName,
// ChangeType, EffectiveAt DD/MM/YYYY, IsCurrent, annotations and a
// nomenclature note) -> the CITES taxonomy and its listing_changes.
// Each taxon's changes from this importer are replaced as a set, so a
// re-import of the same file writes nothing; other sources' rows are kept.
import path from 'node:path';
import { readCsv, type CsvRecord } from '../csv.js';
import { dayInPath } from '../cells/legacy.js';
import type { Importer } from '../run.js';
import { CHANGE_TYPES, toRank } from '../../taxonomy/ranks.js';
import { loadGeoByIso2, type GeoRef } from '../write/lookups.js';
import { syncTaxa, type ListingFact, type SourceTaxon } from '../write/taxa.js';
import { higherOf } from './checklist-csv.js';

export const HISTORY_COLUMNS = [
  'TaxonId', 'Kingdom', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'Species', 'Subspecies', 'FullName', 'AuthorYear', 'RankName',
  'Appendix', 'PartyIsoCode', 'PartyFullName', 'ChangeType', 'EffectiveAt', 'IsCurrent', '#AnnotationSymbol', '#Annotation',
  'FullAnnotationEnglish', 'AnnotationEnglish', 'AnnotationSpanish', 'AnnotationFrench', 'NomenclatureNote',
];

const APPENDICES = new Set(['I', 'II', 'III']);
const blank = (s: string | undefined) => (s ?? '').trim() || null;

/** 'DD/MM/YYYY' -> 'YYYY-MM-DD'; null when empty; undefined when not a real date. */
export function dmyDate(value: string | undefined): string | null | undefined {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

/** A boolean as the Checklist writes it: true/false, 1/0, yes/no; undefined otherwise. */
export function flag(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (['true', '1', 'yes', 't'].includes(v)) return true;
  if (['false', '0', 'no', 'f', ''].includes(v)) return false;
  return undefined;
}

type Issue = { field: string; reason: string };

/** One line -> its listing change, or the problem. */
function parseChange(v: Record<string, string>, line: number, geo: Map<string, GeoRef>): ListingFact | Issue {
  const appendix = v.Appendix.trim().toUpperCase();
  if (!APPENDICES.has(appendix)) return { field: 'Appendix', reason: `I, II or III, got '${v.Appendix}'` };
  const changeType = v.ChangeType.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (!(CHANGE_TYPES as readonly string[]).includes(changeType)) return { field: 'ChangeType', reason: `one of ${CHANGE_TYPES.join(', ')}, got '${v.ChangeType}'` };
  const effectiveAt = dmyDate(v.EffectiveAt);
  if (effectiveAt === undefined) return { field: 'EffectiveAt', reason: `a date DD/MM/YYYY, got '${v.EffectiveAt}'` };
  const isCurrent = flag(v.IsCurrent);
  if (isCurrent === undefined) return { field: 'IsCurrent', reason: `true or false, got '${v.IsCurrent}'` };
  const party = blank(v.PartyIsoCode)?.toUpperCase() ?? null;
  if (party && !geo.has(party)) return { field: 'PartyIsoCode', reason: `a known ISO code; '${party}' is not a geo entity` };
  if (!party && (changeType === 'RESERVATION' || changeType === 'RESERVATION_WITHDRAWAL')) return { field: 'PartyIsoCode', reason: `the Party entering or withdrawing the ${changeType.toLowerCase().replace('_', ' ')}` };
  return {
    convention: 'CITES', appendix, changeType, isCurrent, effectiveAt, partyIso2: party,
    populationsIncluded: [], populationsExcluded: [],
    annotationEn: blank(v.AnnotationEnglish), annotationEs: blank(v.AnnotationSpanish), annotationFr: blank(v.AnnotationFrench),
    fullAnnotationEn: blank(v.FullAnnotationEnglish), hashSymbol: blank(v['#AnnotationSymbol']), hashAnnotationEn: blank(v['#Annotation']),
    nomenclatureNote: blank(v.NomenclatureNote), data: { source: 'checklist-history' }, line,
  };
}

/** The taxon a line names, or the problem. */
function parseTaxon(rec: CsvRecord): SourceTaxon | Issue {
  const v = rec.values;
  const id = v.TaxonId.trim();
  if (!/^\d+$/.test(id)) return { field: 'TaxonId', reason: `a numeric Species+ taxon id, got '${id}'` };
  const rank = toRank(v.RankName);
  if (!rank) return { field: 'RankName', reason: `a known rank (KINGDOM ... SPECIES, SUBSPECIES, VARIETY), got '${v.RankName}'` };
  const fullName = v.FullName.trim().replace(/\s+/g, ' ');
  if (!fullName) return { field: 'FullName', reason: 'a scientific name' };
  const higher = higherOf(v);
  if (!higher.kingdomName) return { field: 'Kingdom', reason: 'a kingdom (Animalia or Plantae)' };
  return {
    line: rec.line, lines: [rec.line], speciesplusId: Number(id), rank, fullName, author: blank(v.AuthorYear), higher,
    speciesName: rank === 'SPECIES' || !blank(v.Species) ? null : `${v.Genus.trim()} ${v.Species.trim()}`,
    data: {}, listings: [],
  };
}

export const importer: Importer = {
  format: 'checklist-history-csv',
  asOf: (file) => dayInPath(path.basename(file)),
  description: 'CITES Checklist "History" CSV: listing changes (additions, deletions, reservations, withdrawals, exceptions) with dates, Parties and annotations',
  async run(ctx) {
    const geo = await loadGeoByIso2(ctx.tx);
    const taxa = new Map<number, SourceTaxon>();
    for await (const rec of readCsv(ctx.file, { required: HISTORY_COLUMNS, delimiter: 'auto', onBytes: ctx.progress })) {
      const t = parseTaxon(rec);
      if ('reason' in t) { ctx.reject(rec.line, t.field, t.reason); continue; }
      const change = parseChange(rec.values, rec.line, geo);
      if ('reason' in change) { ctx.reject(rec.line, change.field, change.reason); continue; }
      const known = taxa.get(t.speciesplusId!);
      if (known && (known.fullName !== t.fullName || known.rank !== t.rank)) {
        ctx.reject(rec.line, 'FullName', `the same taxon as line ${known.line} for TaxonId ${t.speciesplusId} (${known.rank} ${known.fullName}), got ${t.rank} ${t.fullName}`);
        continue;
      }
      const taxon = known ?? t;
      if (known) known.lines!.push(rec.line);
      taxon.listings!.push(change);
      taxa.set(t.speciesplusId!, taxon);
    }
    await syncTaxa(ctx, [...taxa.values()], { taxonomyId: 'CITES', importer: 'checklist-history-csv', source: 'checklist-history' });
  },
};
