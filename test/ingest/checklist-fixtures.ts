// Slices of the real 2017 Checklist, cut at test time (its records span
// several lines, so cutting is by record, not by line).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { checklist2017, tempDir } from '../support/data.js';

export type Rec = Record<string, string>;

let cache: { header: string[]; records: Rec[] } | undefined;

/** The records of the 2017 file that `keep` selects (parsed once per test file, kept in memory). */
export async function checklistRecords(keep: (r: Rec) => boolean): Promise<{ header: string[]; records: Rec[] }> {
  if (!cache) {
    const parser = fs.createReadStream(checklist2017).pipe(zlib.createGunzip()).pipe(parse({ bom: true }));
    let header: string[] | undefined;
    const records: Rec[] = [];
    for await (const row of parser as AsyncIterable<string[]>) {
      if (!header) { header = row; continue; }
      records.push(Object.fromEntries(header.map((h, i) => [h, row[i]])));
    }
    cache = { header: header!, records };
  }
  return { header: cache.header, records: cache.records.filter(keep) };
}

/** Write records as a Checklist CSV (same header) to a temp file. */
export function writeChecklist(name: string, header: string[], records: Rec[]): string {
  const file = path.join(tempDir('concord-checklist-'), name);
  fs.writeFileSync(file, stringify([header, ...records.map((r) => header.map((h) => r[h] ?? ''))]));
  return file;
}
