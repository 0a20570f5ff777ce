/**
 * Test/bench helpers reading the real reference data (never copied into the
 * repo): the CITES 2017 export and the legacy Species+ 2013 animal files.
 * `filter` cuts a slice while streaming, so tests stay small.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { seedDir } from './gnparserCases.js';

export type Row = Record<string, string>;

export function citesIndexFile(): string {
  const dir = path.join(seedDir(), 'cites-index-2017');
  const f = readdirSync(dir).find((x) => x.endsWith('.csv.gz'));
  if (!f) throw new Error(`no .csv.gz in ${dir}`);
  return path.join(dir, f);
}

/** Columns the name engine uses; the other (listings, distributions) are dropped while streaming. */
export const CITES_NAME_COLUMNS = ['TaxonId', 'Kingdom', 'Phylum', 'Class', 'Order', 'Family', 'Genus', 'FullName', 'AuthorYear', 'RankName', 'SynonymsWithAuthors'];

export async function readCitesRows(filter: (r: Row) => boolean = () => true, columns = CITES_NAME_COLUMNS): Promise<Row[]> {
  const out: Row[] = [];
  const parser = createReadStream(citesIndexFile()).pipe(createGunzip()).pipe(parse({ columns: true, relax_column_count: true }));
  for await (const r of parser as AsyncIterable<Row>) {
    if (!filter(r)) continue;
    const slim: Row = {};
    for (const c of columns) slim[c] = r[c] ?? '';
    out.push(slim);
  }
  return out;
}

/** The legacy files use old Mac CR line endings. */
function readCrCsv(file: string): Row[] {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  return parseSync(text, { columns: true, relax_column_count: true, skip_empty_lines: true }) as Row[];
}

export function readSapiLegacyAnimals(): { taxa: Row[]; synonyms: Row[] } {
  const dir = path.join(seedDir(), 'sapi-legacy-2013/lib/files/animals');
  return {
    taxa: readCrCsv(path.join(dir, 'animalia_taxa_utf8.csv')),
    synonyms: readCrCsv(path.join(dir, 'animalia_synonyms_utf8.csv')),
  };
}
