// `concord parse` and `concord match`, spawned as a user runs them, on small
// real inputs: the gnverifier name mix, 2017 Checklist names and synonyms.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { stringify } from 'csv-stringify/sync';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/names/index.js';
import { openDatabase } from '../../src/db/client.js';
import { readCsv } from '../../src/ingest/csv.js';
import { importerFor } from '../../src/ingest/registry.js';
import { runImport } from '../../src/ingest/run.js';
import { checklist2017, dataPath, readLines, tempDir } from '../support/data.js';

const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('src/cli/index.ts');
const run = (args: string[], opts: { input?: string; env?: Record<string, string> } = {}) =>
  spawnSync(tsx, [cli, ...args], { input: opts.input, encoding: 'utf8', env: { ...process.env, ...opts.env }, timeout: 120_000 });

let names: string[];
let dir: string;
let dataDir: string;
let checklistCsv: string;
const GENERA = ['Brotogeris', 'Phoenicoparrus', 'Tursiops'];

beforeAll(async () => {
  dir = tempDir('concord-cli-');
  names = [];
  for await (const l of readLines(dataPath('nameparse', 'gnverifier', 'testdata.txt'))) { names.push(l); if (names.length === 200) break; }
  // A Darwin Core checklist and a small CITES database, both from the 2017 Checklist rows of three genera.
  const rows: Record<string, string>[] = [];
  for await (const { values } of readCsv(checklist2017)) if (values.Kingdom === 'Animalia' && GENERA.includes(values.Genus)) rows.push(values);
  const dwc: string[][] = [['taxonID', 'scientificName', 'taxonomicStatus', 'acceptedNameUsageID']];
  for (const r of rows) {
    dwc.push([r.TaxonId, `${r.FullName} ${r.AuthorYear}`.trim(), 'accepted', '']);
    r.SynonymsWithAuthors.split(/,\s*(?=[A-Z][a-z]+ [a-z])/).filter(Boolean).forEach((s, i) => dwc.push([`${r.TaxonId}-s${i}`, s.trim(), 'synonym', r.TaxonId]));
  }
  checklistCsv = path.join(dir, 'checklist.csv');
  fs.writeFileSync(checklistCsv, stringify(dwc));
  const slice = path.join(dir, 'Index_of_CITES_Species_2017-04-21 slice.csv');
  fs.writeFileSync(slice, stringify([Object.keys(rows[0]), ...rows.map((r) => Object.values(r))]));
  dataDir = path.join(dir, 'db');
  const database = await openDatabase({ url: '', dataDir });
  const s = await runImport(database, await importerFor('checklist-csv'), slice, { progress: false });
  await database.close();
  expect(s.status).toBe('succeeded');
}, 180_000);

describe('concord parse', () => {
  it('gives one JSON line per input line, in order, as the name engine parses it (FILE and stdin)', () => {
    const file = path.join(dir, 'names.txt');
    fs.writeFileSync(file, names.join('\n') + '\n');
    for (const res of [run(['parse', file]), run(['parse'], { input: names.join('\n') + '\n' })]) {
      expect(res.status, res.stderr).toBe(0);
      const out = res.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { verbatim: string; canonical?: { simple: string } });
      expect(out.map((o) => o.verbatim)).toEqual(names);
      expect(out.map((o) => o.canonical?.simple ?? null)).toEqual(names.map((n) => parse(n).canonical?.simple ?? null));
    }
  });

  it('writes CSV with a header and strips the authorship from the canonical form', () => {
    const res = run(['parse', '--format', 'csv'], { input: 'Brotogeris pyrrhopterus (Latham, 1801)\nPhoenicopterus andinus Philippi, 1854\n' });
    const rows = parseCsv(res.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.canonical_simple, r.year])).toEqual([['Brotogeris pyrrhopterus', '1801'], ['Phoenicopterus andinus', '1854']]);
  });

  it('streams: the first result comes out before the input has ended', async () => {
    const child = spawn(tsx, [cli, 'parse'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write('Panthera uncia\n');
    // Keep stdin open; flushes happen per 64 KB, so feed enough for one chunk, then wait for output.
    const filler = 'Tursiops truncatus ponticus Barabasch-Nikiforov, 1940\n'.repeat(400);
    child.stdin.write(filler);
    const first = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(d.toString()));
      child.once('exit', () => reject(new Error('exited before any output')));
      setTimeout(() => reject(new Error('no output while input is open')), 60_000);
    });
    expect(JSON.parse(first.split('\n')[0])).toMatchObject({ verbatim: 'Panthera uncia', canonical: { simple: 'Panthera uncia' } });
    expect(child.exitCode).toBeNull(); // still running: stdin is open
    child.stdin.end();
    await new Promise((r) => child.once('exit', r));
  }, 90_000);

  it('fails with a message and exit code 2 on a missing file or a bad format', () => {
    const missing = run(['parse', path.join(dir, 'nope.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt: no such readable file/);
    const bad = run(['parse', '--format', 'xml'], { input: 'Aus bus\n' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--format must be one of jsonl, csv; got 'xml'/);
  });
});

describe('concord match', () => {
  const input = 'Brotogeris pyrrhopterus\nPhoenicopterus andinus\nTursiops truncatus\nTursiops trunkatus\nPanthera uncia\n';
  const expectMatches = (rows: Record<string, string>[]) => {
    expect(rows.map((r) => [r.verbatim, r.match_type, r.matched_status, r.accepted_name])).toEqual([
      ['Brotogeris pyrrhopterus', 'EXACT', 'synonym', 'Brotogeris pyrrhoptera'],
      ['Phoenicopterus andinus', 'EXACT', 'synonym', 'Phoenicoparrus andinus'],
      ['Tursiops truncatus', 'EXACT', 'accepted', 'Tursiops truncatus'],
      ['Tursiops trunkatus', 'FUZZY', 'accepted', 'Tursiops truncatus'],
      ['Panthera uncia', 'NONE', '', ''],
    ]);
  };

  it('--checklist: matches against a Darwin Core checklist, synonyms resolved to accepted names', () => {
    const res = run(['match', '--checklist', checklistCsv, '--format', 'csv'], { input });
    expect(res.status, res.stderr).toBe(0);
    expectMatches(parseCsv(res.stdout, { columns: true }) as Record<string, string>[]);
  });

  it('--against cites: matches against the database taxonomy, naming the taxon concept ids', () => {
    const file = path.join(dir, 'to-match.txt');
    fs.writeFileSync(file, input);
    const res = run(['match', file, '--against', 'cites', '--format', 'csv'], { env: { CONCORD_DATA_DIR: dataDir, DATABASE_URL: '' } });
    expect(res.status, res.stderr).toBe(0);
    const rows = parseCsv(res.stdout, { columns: true }) as Record<string, string>[];
    expectMatches(rows);
    expect(rows[0]).toMatchObject({ taxonomy: 'CITES' });
    expect(Number(rows[0].accepted_id)).toBeGreaterThan(0);
  }, 120_000);

  it('refuses contradictory or unknown sources', () => {
    expect(run(['match', '--against', 'cites', '--checklist', checklistCsv], { input }).stderr).toMatch(/--against or --checklist, not both/);
    const bad = run(['match', '--against', 'itis'], { input, env: { CONCORD_DATA_DIR: dataDir, DATABASE_URL: '' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--against must list cites and\/or cms; got 'itis'/);
  });
});
