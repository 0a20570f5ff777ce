/**
 * Every pair of test/names/match-pairs.tsv (real CITES 2017 and CMS 2013
 * names, their synonyms, authors and common names) against an index of the
 * whole 2017 Checklist with its English, French and Spanish names and the
 * CMS taxa of the 2013 Species+ files: the verdict and why.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildMatchIndex, citesIndexToEntries, citesIndexToVernaculars, sapiLegacyToEntries, type MatchContext, type MatchIndex,
} from '../../src/names/index.js';
import { CITES_NAME_COLUMNS, readCitesRows, readSapiLegacyAnimals } from './seedData.js';

interface Pair {
  line: number; phenomenon: string; query: string; context?: MatchContext; type: string; matched: string; accepted: string;
  authorship: string; why: string[]; source: string;
}

function readPairs(): Pair[] {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'match-pairs.tsv');
  return readFileSync(file, 'utf8').split('\n').map((l, i) => ({ l, line: i + 1 })).filter(({ l }) => l.trim() && !l.startsWith('#')).map(({ l, line }) => {
    const [phenomenon, query, context, type, matched, accepted, authorship, why, source] = l.split('\t');
    if (source === undefined) throw new Error(`match-pairs.tsv:${line}: expected 9 tab-separated fields`);
    const ctx = context ? Object.fromEntries(context.split(';').map((kv) => kv.split('='))) as MatchContext : undefined;
    return { line, phenomenon, query, context: ctx, type, matched, accepted, authorship, why: why.split(','), source };
  });
}

const pairs = readPairs();
let index: MatchIndex;

beforeAll(async () => {
  const rows = await readCitesRows(() => true, [...CITES_NAME_COLUMNS, 'EnglishNames', 'FrenchNames', 'SpanishNames']);
  const legacy = readSapiLegacyAnimals();
  index = buildMatchIndex(
    [...citesIndexToEntries(rows), ...sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { taxonomy: 'CMS', designation: 'CMS' })],
    citesIndexToVernaculars(rows),
  );
}, 120_000);

describe('match pairs from real CITES and CMS names', () => {
  it('covers every phenomenon the issue names', () => {
    expect(new Set(pairs.map((p) => p.phenomenon))).toEqual(new Set(['fuzzy', 'transposed', 'authored', 'homonym', 'synonym', 'rank', 'genus', 'context', 'vernacular', 'none']));
  });

  it.each(pairs.map((p) => [`${p.line} ${p.phenomenon}: ${p.query}${p.context ? ` (${JSON.stringify(p.context)})` : ''}`, p] as const))('%s', (_label, p) => {
    const r = index.match(p.query, p.context ? { context: p.context } : {});
    const got = { type: r.matchType, matched: r.matchedName ?? '', accepted: r.acceptedName ?? '', authorship: r.authorshipMatch, why: r.reasons.map((x) => x.code) };
    expect(got, `${p.source}; why: ${r.reasons.map((x) => x.text).join('; ')}`).toEqual({ type: p.type, matched: p.matched, accepted: p.accepted, authorship: p.authorship, why: p.why });
    // every answer says why, in words
    expect(r.reasons.every((x) => x.text.length > 0)).toBe(true);
    if (r.authorshipMatch === 'different') expect(r.warnings.join(' ')).toMatch(/differ/);
  });

  it('scores fall when the authors differ, so an exact name with other authors is never offered as if it fitted', () => {
    const agree = index.match('Loxodonta africana (Blumenbach, 1797)');
    const years = index.match('Loxodonta africana (Blumenbach, 1850)');
    const other = index.match('Loxodonta africana Smith, 1950');
    expect(agree.score).toBe(100);
    expect(years.score).toBeLessThan(agree.score);
    expect(other.score).toBeLessThan(years.score);
    expect(other.reasons.map((x) => x.text)).toContain('authors differ: Smith 1950 vs (Blumenbach, 1797)');
    // a fuzzy name whose authors agree beats it
    expect(index.match('Acinonyx jubotos (Schreber, 1775)').score).toBeGreaterThan(other.score);
  });

  it('an ambiguous common name lists its taxa and names none as the answer', () => {
    const r = index.match('Atlantic Sturgeon');
    expect(r.ambiguous).toBe(true);
    expect(r.taxonId).toBeNull();
    expect(new Set(r.alternatives.map((a) => a.acceptedName))).toEqual(new Set(['Acipenser oxyrinchus', 'Acipenser sturio']));
    expect(r.reasons[0].text).toBe('ambiguous: common name of two taxa (Acipenser oxyrinchus | Acipenser sturio)');
    expect(r.vernacular).toEqual({ name: 'Atlantic Sturgeon', languages: ['en'] });
  });

  it('a vernacular answer gives the language; one name in two taxonomies is one taxon', () => {
    const fr = index.match('Guépard');
    expect(fr).toMatchObject({ matchType: 'VERNACULAR', acceptedName: 'Acinonyx jubatus', vernacular: { name: 'Guépard', languages: ['fr'] } });
    expect(fr.reasons[0].text).toBe('common name (fr) of Acinonyx jubatus');
  });
});
