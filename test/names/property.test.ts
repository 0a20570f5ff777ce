/**
 * Property-based tests (fast-check): arbitrary strings and mutations of real
 * names never throw, always give a well-formed result, and parse in < 5 ms
 * (a safety bound on the slowest call; throughput is the benchmark's job).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMatchIndex, citesIndexToEntries, parse, parseCanonical, type MatchIndex } from '../../src/names/index.js';
import { loadGnCases } from './gnparserCases.js';
import { readCitesRows } from './seedData.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const realNames = loadGnCases().map((c) => c.name);

/** Insert, delete or replace characters of a real name (including odd Unicode). */
const mutatedName = fc.tuple(
  fc.constantFrom(...realNames),
  fc.array(fc.tuple(fc.nat(), fc.constantFrom('ins', 'del', 'rep'), fc.oneof(fc.string({ maxLength: 1 }), fc.constantFrom('×', '(', ')', '.', ',', '&', '\u00a0', '\uFFFD', 'æ', '†', '?', ' ', '-', "'", '’'))), { maxLength: 6 }),
).map(([name, edits]) => {
  let s = name;
  for (const [pos, op, ch] of edits) {
    const i = s.length ? pos % (s.length + 1) : 0;
    s = op === 'ins' ? s.slice(0, i) + ch + s.slice(i) : op === 'del' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + ch + s.slice(i + 1);
  }
  return s;
});

const anyString = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

let index: MatchIndex;
beforeAll(async () => {
  for (const n of realNames) parse(n); // warm up the JIT before timing
  const rows = await readCitesRows((r) => r.Family === 'Felidae' || r.Genus === 'Dendrobium');
  index = buildMatchIndex(citesIndexToEntries(rows));
}, 120_000);

/** Time of one parse; a slow call is re-timed so GC pauses and a busy CPU are not blamed on the input. */
function timeParse(s: string): number {
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    parse(s);
    best = Math.min(best, performance.now() - t);
    if (best < 1) break;
  }
  return best;
}

function checkParse(s: string, slowest: { ms: number; name: string }): void {
  const p = parse(s);
  const ms = timeParse(s);
  if (ms > slowest.ms) { slowest.ms = ms; slowest.name = s; }
  expect(p.verbatim).toBe(s);
  expect(p.id).toMatch(UUID);
  expect(p.warnings.some((w) => w.startsWith('Internal'))).toBe(false);
  if (p.parsed) {
    expect(p.quality).toBeGreaterThanOrEqual(1);
    expect(p.canonical!.simple.length).toBeGreaterThan(0);
    // the canonical fast path agrees with the full parser
    expect(parseCanonical(s)?.simple).toBe(p.canonical!.simple);
  } else {
    expect(p.quality).toBe(0);
    expect(p.warnings.length).toBeGreaterThan(0);
    expect(parseCanonical(s)).toBeUndefined();
  }
}

describe('properties', () => {
  it('random strings: parse never throws, result well-formed, each < 5 ms', () => {
    const slowest = { ms: 0, name: '' };
    fc.assert(fc.property(anyString, (s) => checkParse(s, slowest)), { numRuns: 3000 });
    expect(slowest.ms, `slowest: ${JSON.stringify(slowest.name)}`).toBeLessThan(5);
  });

  it('mutations of real names: parse never throws, each < 5 ms', () => {
    const slowest = { ms: 0, name: '' };
    fc.assert(fc.property(mutatedName, (s) => checkParse(s, slowest)), { numRuns: 3000 });
    expect(slowest.ms, `slowest: ${JSON.stringify(slowest.name)}`).toBeLessThan(5);
  });

  it('re-parsing a canonical name gives the same canonical (idempotence)', () => {
    // words that are epithets only when an author follows ("Lampona spec Platnick" but "Globigerina spec";
    // "Turkozelotes attavirus Chatzaki" but not a bare "…virus"), as in gnparser
    const contextual = new Set(['spec', 'not', 'bacterium', 'vector', 'mihi']);
    fc.assert(fc.property(fc.constantFrom(...realNames), (s) => {
      const c = parse(s).canonical?.simple;
      if (c === undefined || c.includes('×') || c.split(' ').some((w) => contextual.has(w) || w.endsWith('virus'))) return;
      expect(parse(c).canonical?.simple).toBe(c);
    }), { numRuns: 770 });
  });

  it('matching never throws and always gives a known match type and score in 0..100', () => {
    fc.assert(fc.property(fc.oneof(anyString, mutatedName), (s) => {
      const r = index.match(s);
      expect(['EXACT', 'VARIANT', 'FUZZY', 'PARTIAL', 'AMBIGUOUS', 'NONE']).toContain(r.matchType);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.verbatim).toBe(s);
      expect(r.warnings.some((w) => w.startsWith('Internal'))).toBe(false);
    }), { numRuns: 2000 });
  });
});
