// The CITES Checklist CSV layout ("Index of CITES Species", 33 columns) for
// either convention's accepted taxa, UTF-8 with a BOM so spreadsheets read it.
import { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import type { TaxonDetailRow } from '../db/repositories/taxa.js';
import { csvLine } from '../names/csv.js';
import { currentStatus } from '../presenters/status.js';
import { streamTaxa } from './taxa.js';
import { batchLines } from './ndjson.js';
// The export writes the very layout the Checklist importer reads.
import { CHECKLIST_COLUMNS } from '../ingest/formats/checklist-csv.js';


const TAG_COLUMNS: [string, string][] = [
  ['INTRODUCED', 'Introduced_Distribution'], ['INTRODUCED (?)', 'Introduced(?)_Distribution'], ['REINTRODUCED', 'Reintroduced_Distribution'],
  ['EXTINCT', 'Extinct_Distribution'], ['EXTINCT (?)', 'Extinct(?)_Distribution'], ['DISTRIBUTION UNCERTAIN', 'Distribution_Uncertain'],
];

/** "Appendix I: text" per current listing, joined as the Checklist does. */
function annotations(row: TaxonDetailRow, convention: 'CITES' | 'CMS', pick: (l: TaxonDetailRow['listing_changes'][number]) => string | null): string {
  return row.listing_changes
    .filter((l) => l.convention === convention && l.is_current && l.change_type === 'ADDITION')
    .map((l) => `Appendix ${l.appendix}: ${pick(l) ?? ''}`).join(' ');
}

export function checklistRow(row: TaxonDetailRow, convention: 'CITES' | 'CMS'): string[] {
  const words = row.full_name.split(' ');
  const isSpecies = ['SPECIES', 'SUBSPECIES', 'VARIETY', 'FORM'].includes(row.rank);
  const names = (lang: string) => row.common_names.filter((c) => c.language === lang).map((c) => c.name).join(', ');
  const dist = (pred: (tags: string[]) => boolean) => row.distributions.filter((d) => pred(d.tags ?? []));
  const current = row.listing_changes.filter((l) => l.convention === convention && l.is_current && l.change_type === 'ADDITION');
  const v: Record<(typeof CHECKLIST_COLUMNS)[number], string> = {
    TaxonId: String(row.speciesplus_id ?? row.id), Kingdom: row.kingdom_name ?? '', Phylum: row.phylum_name ?? '', Class: row.class_name ?? '',
    Order: row.order_name ?? '', Family: row.family_name ?? '', Genus: row.genus_name ?? '',
    Species: isSpecies ? words[1] ?? '' : '', Subspecies: isSpecies ? words.slice(2).join(' ') : '',
    FullName: row.full_name, AuthorYear: row.author_year ?? '', RankName: row.rank,
    CurrentListing: currentStatus(row, convention).listing ?? '',
    FullAnnotationEnglish: annotations(row, convention, (l) => l.annotation_en), AnnotationEnglish: annotations(row, convention, (l) => l.annotation_en),
    AnnotationSpanish: annotations(row, convention, (l) => l.annotation_es), AnnotationFrench: annotations(row, convention, (l) => l.annotation_fr),
    '#AnnotationSymbol': current.map((l) => l.hash_symbol).filter(Boolean).join(', '),
    '#Annotation': current.map((l) => l.hash_annotation_en).filter(Boolean).join(' '),
    SynonymsWithAuthors: row.synonyms.map((s) => (s.author_year ? `${s.full_name} ${s.author_year}` : s.full_name)).join(', '),
    EnglishNames: names('en'), SpanishNames: names('es'), FrenchNames: names('fr'),
    CitesAccepted: String(row.name_status === 'A'),
    All_DistributionISOCodes: row.distributions.map((d) => d.iso2).join(', '),
    All_DistributionFullNames: row.distributions.map((d) => d.name).join(', '),
    NativeDistributionFullNames: dist((t) => t.length === 0).map((d) => d.name).join(', '),
    Introduced_Distribution: '', 'Introduced(?)_Distribution': '', Reintroduced_Distribution: '', Extinct_Distribution: '',
    'Extinct(?)_Distribution': '', Distribution_Uncertain: '',
  };
  for (const [tag, col] of TAG_COLUMNS) v[col as keyof typeof v] = dist((t) => t.includes(tag)).map((d) => d.name).join(', ');
  return CHECKLIST_COLUMNS.map((c) => v[c]);
}

export async function* checklistCsvLines(database: Database, convention: 'CITES' | 'CMS'): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(CHECKLIST_COLUMNS)}\r\n`;
  for await (const row of streamTaxa(database, { taxonomy: convention, acceptedOnly: true })) yield `${csvLine(checklistRow(row, convention))}\r\n`;
}

export function checklistCsvStream(database: Database, convention: 'CITES' | 'CMS'): Readable {
  return Readable.from(batchLines(checklistCsvLines(database, convention)));
}
