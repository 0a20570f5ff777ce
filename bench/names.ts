/**
 * Name-engine benchmark (npm run bench:names). One core, best of N rounds.
 *  - parse and canonical-only throughput on gnverifier's 100k dirty names and
 *    on every FullName of the CITES 2017 export; slowest single name;
 *  - match index over all CITES 2017 names + synonyms and the CMS taxa and
 *    synonyms of the 2013 Species+ files: build time, heap;
 *  - exact/variant and fuzzy match throughput, and the same fuzzy queries
 *    through PGlite pg_trgm similarity() with a GIN trigram index;
 *  - authored matching (authors compared) and vernacular matching (the
 *    Checklist's English, French and Spanish names);
 *  - whole-process `concord parse` and `concord match` (start-up included) of
 *    the compiled CLI (`node dist/cli/index.js`, built first when stale),
 *    beside the in-process figures.
 * BENCH_PARTS: which sections, comma-separated (default all): parse, match
 * (exact/variant/fuzzy), authored, vernacular, trgm, cli. BENCH_ROUNDS: rounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { buildMatchIndex, citesIndexToEntries, citesIndexToVernaculars, parse, parseCanonical, sapiLegacyToEntries, type MatchResult } from '../src/names/index.js';
import { seedDir } from '../test/names/gnparserCases.js';
import { CITES_NAME_COLUMNS, readCitesRows, readSapiLegacyAnimals } from '../test/names/seedData.js';

v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PARTS = new Set((process.env.BENCH_PARTS ?? 'parse,match,authored,vernacular,trgm,cli').split(',').map((s) => s.trim()));
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

interface Rate { cpu: number; wall: number; toString(): string }

/**
 * Best rate (items/s) over ROUNDS runs. The code is single-threaded, so the
 * process CPU time is the time on one core; wall-clock is shown too because
 * on a shared machine other processes steal the core.
 */
function rate<T>(items: T[], fn: (x: T) => unknown): Rate {
  let cpu = 0;
  let wall = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    for (const x of items) fn(x);
    const w = (performance.now() - t) / 1000;
    const u = process.cpuUsage(c);
    cpu = Math.max(cpu, items.length / ((u.user + u.system) / 1e6));
    wall = Math.max(wall, items.length / w);
  }
  return { cpu, wall, toString: () => `${fmt(cpu)} names/s CPU (${fmt(wall)} wall)` };
}

function slowest(items: string[]): { ms: number; retimedMs: number; name: string } {
  let worst = { ms: 0, name: '' };
  for (const x of items) {
    const t = performance.now();
    parse(x);
    const ms = performance.now() - t;
    if (ms > worst.ms) worst = { ms, name: x };
  }
  let retimed = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    parse(worst.name);
    retimed = Math.min(retimed, performance.now() - t);
  }
  return { ...worst, retimedMs: retimed };
}

/** Deterministic pseudo-random generator, so every run uses the same queries. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** One substitution in an epithet of ≥ 5 letters, or two in a genus of ≥ 8: a typo the matcher should still find. */
function typo(name: string, rand: () => number): string | undefined {
  const words = name.split(' ');
  if (words.length < 2) return undefined;
  const letters = 'aeioulnrstcm';
  const sub = (w: string): string => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    let c = letters[Math.floor(rand() * letters.length)];
    if (c === w[i]) c = c === 'a' ? 'e' : 'a';
    return w.slice(0, i) + c + w.slice(i + 1);
  };
  if (words[0].length >= 8 && rand() < 0.3) words[0] = sub(sub(words[0]));
  else {
    const k = 1 + Math.floor(rand() * (words.length - 1));
    if (words[k].length < 5) return undefined;
    words[k] = sub(words[k]);
  }
  return words.join(' ');
}

/** Gender-ending swaps ("tatarica" → "tataricus"): VARIANT queries. */
function variantOf(name: string): string | undefined {
  const w = name.split(' ');
  if (w.length !== 2) return undefined;
  const e = w[1];
  if (e.endsWith('us')) return `${w[0]} ${e.slice(0, -2)}a`;
  if (e.endsWith('a')) return `${w[0]} ${e.slice(0, -1)}us`;
  if (e.endsWith('um')) return `${w[0]} ${e.slice(0, -2)}us`;
  return undefined;
}

async function main(): Promise<void> {
  console.log(`# Concord name engine benchmark  (node ${process.version}, best of ${ROUNDS} rounds, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  const dirty = readFileSync(path.join(seedDir(), 'nameparse/gnverifier/testdata.txt'), 'utf8').split('\n').filter((l) => l.length > 0);
  const citesRows = await readCitesRows(() => true, [...CITES_NAME_COLUMNS, 'EnglishNames', 'FrenchNames', 'SpanishNames']);
  const citesNames = citesRows.map((r) => r.FullName);
  const citesWithAuthors = citesRows.map((r) => (r.AuthorYear ? `${r.FullName} ${r.AuthorYear}` : r.FullName));
  for (const n of dirty.slice(0, 20000)) parse(n); // JIT warm-up

  if (PARTS.has('parse')) console.log('\n## Parser');
  for (const [label, set] of PARTS.has('parse') ? [['gnverifier testdata (100k dirty names)', dirty], ['CITES 2017 FullName', citesNames], ['CITES 2017 FullName + AuthorYear', citesWithAuthors]] as const : []) {
    const full = rate(set as string[], (x) => parse(x));
    const canon = rate(set as string[], (x) => parseCanonical(x));
    const worst = slowest(set as string[]);
    console.log(`${label}: ${fmt(set.length)} names`);
    console.log(`  full parse      ${full}`);
    console.log(`  canonical-only  ${canon}`);
    console.log(`  slowest name    ${worst.ms.toFixed(2)} ms first time, ${worst.retimedMs.toFixed(3)} ms re-timed: ${JSON.stringify(worst.name.slice(0, 80))}`);
  }

  console.log('\n## Match index (CITES 2017 names + synonyms, 2013 Species+ animal taxonomy with its CMS taxa + synonyms)');
  const legacy = readSapiLegacyAnimals();
  // the 2013 animal files hold both conventions; all of it is indexed (a superset of the CMS view)
  const legacyEntries = sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'Species+ 2013' });
  const cmsCount = sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { designation: 'CMS' }).length;
  const entries = [...citesIndexToEntries(citesRows), ...legacyEntries];
  console.log(`  CITES 2017 ${fmt(entries.length - legacyEntries.length)} names, Species+ 2013 ${fmt(legacyEntries.length)} names (${fmt(cmsCount)} designated CMS)`);
  const synonyms = entries.filter((e) => e.status === 'synonym').length;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t = performance.now();
  const vernaculars = PARTS.has('vernacular') ? citesIndexToVernaculars(citesRows) : [];
  const index = buildMatchIndex(entries, vernaculars);
  const buildMs = performance.now() - t;
  const c1 = process.cpuUsage(c0);
  const buildCpuMs = (c1.user + c1.system) / 1000;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  console.log(`  entries         ${fmt(entries.length)} (${fmt(synonyms)} synonyms), ${index.rejected.length} not parseable`);
  console.log(`  build time      ${fmt(buildCpuMs)} ms CPU (${fmt(buildMs)} ms wall)`);
  console.log(`  heap used       ${heapMb.toFixed(1)} MB (index only, after GC)`);
  console.log(`  common names    ${fmt(vernaculars.length)} (CITES 2017 English, French, Spanish), ${fmt(index.vernacularSize)} keys`);

  const canonicalQueries = citesNames;
  const variantQueries = citesNames.map(variantOf).filter((x): x is string => x !== undefined);
  const rand = rng(42);
  const fuzzyQueries = citesNames.map((n) => typo(n, rand)).filter((x): x is string => x !== undefined).slice(0, 20000);
  const only = (qs: string[], types: string[]): string[] => qs.filter((q) => types.includes(index.match(q).matchType));
  const tally = (qs: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const q of qs) { const m = index.match(q).matchType; out[m] = (out[m] ?? 0) + 1; }
    return out;
  };
  console.log('\n## Matching');
  const m = (q: string): unknown => index.match(q);
  if (PARTS.has('match')) {
    console.log(`  CITES canonical names       ${JSON.stringify(tally(canonicalQueries))}`);
    console.log(`    answered EXACT            ${rate(only(canonicalQueries, ['EXACT']), m)}`);
    console.log(`  CITES names with authorship ${rate(citesWithAuthors, m)}`);
    console.log(`  gender-ending swaps         ${JSON.stringify(tally(variantQueries))}`);
    console.log(`    answered VARIANT          ${rate(only(variantQueries, ['VARIANT']), m)}`);
    console.log(`    all (incl. fuzzy tail)    ${rate(variantQueries, m)}`);
    console.log(`  typos (1 on an epithet ≥ 5 letters or 2 on a genus ≥ 8), ${fmt(fuzzyQueries.length)}: ${JSON.stringify(tally(fuzzyQueries))}`);
    console.log(`    answered FUZZY            ${rate(only(fuzzyQueries, ['FUZZY']), m)}`);
    console.log(`    all                       ${rate(fuzzyQueries, m)}`);
  }
  const authorTally = (qs: string[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const q of qs) { const a = index.match(q).authorshipMatch; out[a] = (out[a] ?? 0) + 1; }
    return out;
  };
  const authored = citesRows.filter((r) => r.AuthorYear).map((r) => `${r.FullName} ${r.AuthorYear}`);
  const otherAuthors = citesRows.filter((r) => r.AuthorYear && r.FullName.includes(' ')).map((r) => `${r.FullName} Kurtz, 1901`);
  if (PARTS.has('authored')) {
    console.log(`  authored: FullName + AuthorYear (${fmt(authored.length)}), authorship ${JSON.stringify(authorTally(authored))}`);
    console.log(`    all                       ${rate(authored, m)}`);
    console.log(`  authored, other authors ("… Kurtz, 1901", ${fmt(otherAuthors.length)}), authorship ${JSON.stringify(authorTally(otherAuthors))}`);
    console.log(`    all (incl. the wider search for agreeing authors) ${rate(otherAuthors, m)}`);
  }
  const common = [...new Set(vernaculars.map((v) => v.name))];
  if (PARTS.has('vernacular')) {
    console.log(`  common names (${fmt(common.length)} distinct)  ${JSON.stringify(tally(common))}`);
    console.log(`    all                       ${rate(common, m)}`);
  }
  if (PARTS.has('match')) {
      console.log(`  gnverifier dirty mix (100k) ${JSON.stringify(tally(dirty))}`);
      console.log(`    all                       ${rate(dirty, m)}`);
  }
  if (PARTS.has('trgm')) await trigrams(fuzzyQueries, entries, index);
  if (PARTS.has('cli')) wholeProcess(dirty, citesRows, authored, rate(dirty, (x) => parse(x)), rate(authored, m));
}

/** The same fuzzy queries through pg_trgm, for the ratio. */
async function trigrams(fuzzyQueries: string[], entries: ReturnType<typeof citesIndexToEntries>, index: ReturnType<typeof buildMatchIndex>): Promise<void> {
  const m = (q: string): unknown => index.match(q);
  console.log('\n## Same fuzzy queries through PGlite pg_trgm (GIN trigram index, similarity())');
  const sample = fuzzyQueries.slice(0, Number(process.env.BENCH_TRGM_SAMPLE ?? 2000));
  const db = new PGlite({ extensions: { pg_trgm } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE TABLE names (id serial PRIMARY KEY, name text NOT NULL);');
  const distinct = [...new Set(entries.map((e) => parseCanonical(e.scientificName)?.simple).filter((x): x is string => !!x))];
  let t = performance.now();
  await db.query('INSERT INTO names (name) SELECT unnest($1::text[])', [distinct]);
  await db.exec('CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops); ANALYZE names;');
  const trgmBuild = performance.now() - t;
  const ours: MatchResult[] = sample.map((q) => index.match(q));
  const oursRate = rate(sample, m);
  let agree = 0;
  let trgmFound = 0;
  const c0 = process.cpuUsage();
  t = performance.now();
  for (let i = 0; i < sample.length; i++) {
    const res = await db.query<{ name: string; s: number }>('SELECT name, similarity(name, $1) AS s FROM names WHERE name % $1 ORDER BY s DESC LIMIT 1', [sample[i]]);
    const top = res.rows[0]?.name;
    if (top) trgmFound++;
    if (top && top === ours[i].matchedName) agree++;
  }
  const trgmMs = performance.now() - t;
  const tc = process.cpuUsage(c0);
  await db.close();
  const trgmWall = sample.length / (trgmMs / 1000);
  const trgmCpu = sample.length / ((tc.user + tc.system) / 1e6);
  console.log(`  ${fmt(distinct.length)} distinct canonical names loaded + GIN index in ${fmt(trgmBuild)} ms`);
  console.log(`  pg_trgm         ${fmt(trgmCpu)} queries/s CPU (${fmt(trgmWall)} wall); ${trgmFound}/${sample.length} with a hit over the 0.3 threshold`);
  console.log(`  Concord matcher ${oursRate}`);
  console.log(`  ratio           ${(oursRate.cpu / trgmCpu).toFixed(0)}× (CPU), ${(oursRate.wall / trgmWall).toFixed(0)}× (wall); same top name for ${agree}/${sample.length} queries`);
}

/**
 * `concord parse` and `concord match` as a user runs them (a new process,
 * start-up included), on the same names as the in-process figures.
 */
function wholeProcess(dirty: string[], citesRows: Record<string, string>[], authored: string[], parseRate: Rate, matchRate: Rate): void {
  // the compiled CLI, as a user runs it (built first when a source is newer than dist/)
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('node scripts/build.mjs failed');
  console.log('\n## Whole process (node dist/cli/index.js …, output to a file; wall time, start-up included)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'concord-bench-names-'));
  try {
    const names = path.join(dir, 'gnverifier.txt');
    writeFileSync(names, dirty.join('\n') + '\n');
    const authoredFile = path.join(dir, 'authored.txt');
    writeFileSync(authoredFile, authored.join('\n') + '\n');
    const empty = path.join(dir, 'empty.txt');
    writeFileSync(empty, '');
    // a Darwin Core checklist of the 2017 names and synonyms, with authors
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const dwc = ['taxonID,scientificName,scientificNameAuthorship,taxonomicStatus,acceptedNameUsageID,kingdom'];
    for (const e of citesIndexToEntries(citesRows)) dwc.push([e.taxonId, e.scientificName, e.authorship ?? '', e.status, e.acceptedId ?? '', e.kingdom ?? ''].map(q).join(','));
    const checklist = path.join(dir, 'checklist.csv');
    writeFileSync(checklist, dwc.join('\n') + '\n');
    const cli = (args: string[]): number => {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, ['dist/cli/index.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (res.status !== 0) throw new Error(`concord ${args.join(' ')}: ${res.stderr}`);
      return (performance.now() - t0) / 1000;
    };
    const startParse = Math.min(cli(['parse', empty]), cli(['parse', empty]));
    const parseWall = cli(['parse', names]);
    const startMatch = cli(['match', '--checklist', checklist, empty]);
    const matchWall = cli(['match', '--checklist', checklist, authoredFile]);
    const line = (what: string, n: number, wall: number, start: number, inProcess: Rate) =>
      console.log(`  ${what.padEnd(44)} ${fmt(n / wall)} names/s (${wall.toFixed(2)} s for ${fmt(n)}, of which ${start.toFixed(2)} s start-up${what.includes('match') ? ' and index build' : ''}; ${fmt(n / Math.max(0.001, wall - start))} names/s after it)   in process: ${fmt(inProcess.wall)} names/s wall`);
    line('concord parse (gnverifier 100k)', dirty.length, parseWall, startParse, parseRate);
    line('concord match --checklist (CITES + authors)', authored.length, matchWall, startMatch, matchRate);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
