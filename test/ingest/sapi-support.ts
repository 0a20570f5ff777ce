// Slices of the Species+ 2013 seed for tests: pick taxa, add their ancestors,
// and cut every file down to rows about them (multi-line records kept whole).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dataPath, tempDir } from '../support/data.js';
import type { Database } from '../../src/db/client.js';
import { importers } from '../../src/ingest/registry.js';
import { seedPlan } from '../../src/ingest/seed.js';
import { runImport, type ImportSummary } from '../../src/ingest/run.js';

export const LEGACY = 'sapi-legacy-2013/lib/files';

const recordCache = new Map<string, Record<string, string>[]>();

/** All records of a CSV file (cached: several slices read the same big files). */
export function readRecords(file: string): Record<string, string>[] {
  const cached = recordCache.get(file);
  if (cached) return cached;
  const records = parseRecords(file);
  recordCache.set(file, records);
  return records;
}

function parseRecords(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8');
  return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: text.includes('\n') ? undefined : '\r' }) as Record<string, string>[];
}

export function writeRecords(dir: string, rel: string, rows: Record<string, string>[], header: string[]): string {
  const target = path.join(dir, rel);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, stringify(rows, { header: true, columns: header }));
  return target;
}

export function headerOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const first = text.split(/\r\n|\n|\r/)[0];
  return (parse(first) as string[][])[0];
}

const up = (s: string) => s.trim().toUpperCase();

/** Taxa keys (RANK:RecID) plus all their ancestors. */
export function withAncestors(taxa: Record<string, string>[], keys: string[]): Set<string> {
  const byKey = new Map(taxa.map((r) => [`${up(r.Rank)}:${r.RecID}`, r]));
  const out = new Set<string>();
  const add = (k: string) => {
    if (out.has(k)) return;
    const r = byKey.get(k);
    if (!r) return;
    out.add(k);
    if (r.ParentRecID) add(`${up(r.ParentRank)}:${r.ParentRecID}`);
  };
  keys.forEach(add);
  return out;
}

/**
 * A seed folder holding the small 2013 files whole and the big ones cut to
 * the given animal and plant taxa (with their ancestors).
 */
const sliceCache = new Map<string, string>();

export function sliceSeed(animalKeys: string[], plantKeys: string[]): string {
  const id = JSON.stringify([animalKeys, plantKeys]);
  const cached = sliceCache.get(id);
  if (cached) return cached;
  const dir = makeSlice(animalKeys, plantKeys);
  sliceCache.set(id, dir);
  return dir;
}

function makeSlice(animalKeys: string[], plantKeys: string[]): string {
  const dir = tempDir('concord-sapi-');
  const copy = (rel: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(dataPath(rel), path.join(dir, rel));
  };
  for (const f of ['countries_utf8.csv', 'cites_regions_utf8.csv', 'country_codes_en_es_fr_utf8.csv', 'former_and_adapted_geo_entities.csv',
    'events_utf8.csv', 'cites_cops_start_dates.csv', 'hash_annotations_cites_utf8.csv', 'languages_utf8.csv']) copy(`${LEGACY}/${f}`);
  copy('country-codes/country-codes.csv');
  for (const [kingdom, keys] of [['animals', animalKeys], ['plants', plantKeys]] as const) {
    const pre = kingdom === 'animals' ? 'animalia' : 'plantae';
    const taxaFile = dataPath(LEGACY, kingdom, `${pre}_taxa_utf8.csv`);
    const taxa = readRecords(taxaFile);
    const set = withAncestors(taxa, keys);
    writeRecords(dir, `${LEGACY}/${kingdom}/${pre}_taxa_utf8.csv`, taxa.filter((r) => set.has(`${up(r.Rank)}:${r.RecID}`)), headerOf(taxaFile));
    const cut = (name: string, key: (r: Record<string, string>) => string) => {
      const file = dataPath(LEGACY, kingdom, name);
      if (!fs.existsSync(file)) return;
      const rows = readRecords(file).filter((r) => set.has(key(r)));
      if (rows.length) writeRecords(dir, `${LEGACY}/${kingdom}/${name}`, rows, headerOf(file)); // seed skips missing files
    };
    cut(`${pre}_legislation_utf8.csv`, (r) => `${up(r.rank_name)}:${r.rec_id}`);
    cut(`${pre}_synonyms_utf8.csv`, (r) => `${up(r.AcceptedRank)}:${r.AcceptedRecID}`);
    cut('animalia_common_names_utf8.csv', (r) => `${up(r.Rank)}:${r.RecId}`);
    cut('animalia_distribution_tags_utf8.csv', (r) => `${up(r.Rank)}:${r['Species RecID']}`);
    cut('plantae_distribution_utf8.csv', (r) => `${up(r.Rank)}:${r['Species RecID']}`);
    cut('CMS_legislation_utf8.csv', (r) => `${up(r.rank)}:${r.rec_id}`);
  }
  return dir;
}

/** The seed steps of the Species+ importers (and the ISO countries they complete), in order. */
export async function runSapiSeed(database: Database, seedDir: string, opts: { maxOrder?: number; formats?: (f: string) => boolean } = {}): Promise<ImportSummary[]> {
  const all = await importers();
  const out: ImportSummary[] = [];
  for (const step of await seedPlan(seedDir)) {
    const mine = step.format === 'country-codes' || step.format.startsWith('sapi-') || step.format === 'arctic-cms';
    if (!mine || step.order > (opts.maxOrder ?? 999) || (opts.formats && !opts.formats(step.format)) || !fs.existsSync(step.file)) continue;
    out.push(await runImport(database, all.get(step.format)!, step.file, { progress: false }));
  }
  return out;
}
