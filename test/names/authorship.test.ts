/**
 * Author comparison, gnverifier-style: the score (0–7) and verdict for the
 * authors of real CITES 2017 names (AuthorYear) against their CMS
 * counterparts in the 2013 Species+ files, as given and as users mistype
 * them; and the rules on their own (abbreviations, ex, in, filius, years).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { authorKey, boundedDamerau, citesIndexToEntries, compareAuthorship, parse, sameAuthor, sapiLegacyToEntries } from '../../src/names/index.js';
import { parseAuthorship } from '../../src/names/parser.js';
import { readCitesRows, readSapiLegacyAnimals } from './seedData.js';

const cmp = (a: string, b: string) => compareAuthorship(parseAuthorship(a), parseAuthorship(b));

describe('authors of CITES 2017 names against their CMS 2013 counterparts', () => {
  let pairs: { name: string; cites: string; cms: string }[];
  beforeAll(async () => {
    const rows = await readCitesRows((r) => r.Kingdom === 'Animalia');
    const cites = new Map(citesIndexToEntries(rows).filter((e) => e.status === 'accepted' && e.authorship).map((e) => [e.scientificName, e.authorship!]));
    const legacy = readSapiLegacyAnimals();
    pairs = sapiLegacyToEntries(legacy.taxa, legacy.synonyms, { designation: 'CMS' })
      .filter((e) => e.status === 'accepted' && e.authorship && e.rank === 'SPECIES')
      .map((e) => ({ name: parse(e.scientificName).canonical!.simple, cms: e.authorship! }))
      .filter((p) => cites.has(p.name)).map((p) => ({ ...p, cites: cites.get(p.name)! }));
  }, 60_000);

  it('the two Species+ sources agree: every shared species has the same authors and year (score 7)', () => {
    expect(pairs.length).toBeGreaterThan(100);
    const off = pairs.map((p) => ({ ...p, c: cmp(p.cites, p.cms) })).filter((p) => p.c.match !== 'exact' || p.c.score !== 7);
    expect(off, JSON.stringify(off.slice(0, 5))).toEqual([]);
  });

  it('scores the usual mistakes on every pair, as gnverifier would', () => {
    // each case: how a user writes the CITES authorship, the verdict and score expected against the CMS one
    const cases: [string, (a: string) => string | undefined, string, number][] = [
      ['parentheses dropped', (a) => (a.startsWith('(') ? a.replace(/[()]/g, '') : undefined), 'compatible', 7],
      ['year dropped', (a) => (/\d{4}/.test(a) ? a.replace(/,?\s*\d{4}/, '').replace(/\(\s*\)/, '').trim() : undefined), 'compatible', 5],
      ['year a year later', (a) => a.replace(/\d{4}/, (y) => String(Number(y) + 1)), 'compatible', 6],
      ['year 30 years later', (a) => a.replace(/\d{4}/, (y) => String(Number(y) + 30)), 'different', 4],
      ['another author', (a) => a.replace(/^\(?[^,()]+/, (m) => (m.startsWith('(') ? '(' : '') + 'Kurtz'), 'different', 0],
    ];
    for (const [what, mistype, verdict, score] of cases) {
      let n = 0;
      for (const p of pairs) {
        const typed = mistype(p.cites);
        if (!typed || typed === p.cites || /Kurtz/.test(p.cms) || /&|,.*,| et /.test(p.cites)) continue;
        const c = cmp(typed, p.cms);
        expect({ what, name: p.name, typed, match: c.match, score: c.score }).toEqual({ what, name: p.name, typed, match: verdict, score });
        n++;
      }
      expect(n, what).toBeGreaterThan(50);
    }
  });

  it('Acinonyx jubatus: (Schreber, 1775) in both; abbreviated and misspelt forms', () => {
    const cms = pairs.find((p) => p.name === 'Acinonyx jubatus')!.cms;
    expect(cms).toBe('(Schreber, 1775)');
    expect(cmp('(Schreb., 1775)', cms)).toMatchObject({ match: 'exact', score: 7 });
    expect(cmp('(Schrebber, 1775)', cms)).toMatchObject({ match: 'compatible', score: 7, notes: ['an author spelt differently'] });
    expect(cmp('(Schreber)', cms)).toMatchObject({ match: 'compatible', score: 5 });
    expect(cmp('Brookes, 1828', cms)).toMatchObject({ match: 'different', score: 0 });
  });
});

describe('author rules', () => {
  it.each([
    ['L.', 'Linnaeus', 'same'], ['Linn.', 'Linnaeus', 'same'], ['L.', 'Linn.', 'same'], ['DC.', 'de Candolle', 'same'],
    ['Rchb.', 'Reichenbach', 'same'], ['Schltr.', 'Schlechter', 'same'], ['Kraenzl.', 'Kraenzlin', 'same'], ['R.Br.', 'Brown', 'same'],
    ["d'Orbigny", 'Orbigny', 'same'], ['van der Hoeven', 'Hoeven', 'same'], ['Müller', 'Muller', 'same'],
    ['Linneaus', 'Linnaeus', 'spelling'], ['Mueller', 'Müller', 'spelling'],
    ['Linnaeus', 'Kurtz', false], ['Rich.', 'Reichenbach', false], ['Sm.', 'Simpson', false], ['Li', 'Linnaeus', false],
  ] as const)('%s ~ %s → %s', (a, b, want) => {
    expect(sameAuthor(authorKey(a), authorKey(b))).toBe(want);
  });

  it('filius is kept apart from the name: Rchb. f. is Rchb.f., and the father only compatible', () => {
    expect(authorKey('Rchb. fil.')).toMatchObject({ key: 'rchb', filius: true });
    expect(cmp('Rchb.f.', 'Rchb. f.')).toMatchObject({ match: 'exact' });
    expect(cmp('Rchb.', 'Rchb.f.')).toMatchObject({ match: 'compatible', notes: ['father and son (filius) confused'] });
  });

  it('ex authors count, in authors do not (the publication is not the author)', () => {
    expect(cmp('Rchb.f. ex Szlach. & Kolan.', 'Szlach. & Kolan.')).toMatchObject({ match: 'compatible', authors: 'inclusion' });
    expect(cmp('Heckel in Fitzinger & Heckel, 1836', 'Heckel, 1836')).toMatchObject({ match: 'exact', score: 7 });
    expect(cmp('Fischer in Fitzinger & Heckel, 1836', 'Heckel in Fitzinger & Heckel, 1836')).toMatchObject({ match: 'different', score: 0 });
  });

  it("gnverifier's own author cases (gnames score tests)", () => {
    const t = (a: string[], b: string[], y1: number, y2: number) => {
      const q = parseAuthorship(`${a.join(', ')}${y1 ? `, ${y1}` : ''}`.replace(/, (?=[A-Z][a-z]*\.?,)/g, ' & '));
      const m = parseAuthorship(`${b.join(' & ')}${y2 ? `, ${y2}` : ''}`);
      return compareAuthorship(q, m).score;
    };
    expect(t(['Hopkins', 'L.', 'Thomson'], ['Thomson', 'Linn.'], 1758, 1758)).toBe(6); // one side includes the other, same year
    expect(t(['L.', 'Thomson'], ['Linn', 'Thomson'], 1800, 1800)).toBe(7); // same authors, same year
    expect(t(['Tomm.', 'L.', 'Banks', 'Muetze'], ['Kuntze', 'Linn', 'Hopkins'], 1758, 1758)).toBe(5); // some shared
    expect(t(['Banks'], ['L.'], 0, 0)).toBe(0); // none shared
  });

  it('no author on one side is unknown, not different', () => {
    expect(compareAuthorship(undefined, parseAuthorship('(Schreber, 1775)'))).toMatchObject({ match: 'unknown', score: 1 });
  });
});

describe('Damerau distance', () => {
  const osa = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.length][b.length];
  };

  it('counts a transposition as one edit', () => {
    expect(boundedDamerau('afircana', 'africana', 2)).toBe(1);
    expect(boundedDamerau('pantehra', 'panthera', 2)).toBe(1);
  });

  it('agrees with the full optimal-string-alignment table within its bound (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'r', 'i'), maxLength: 10 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
      const want = osa(a, b);
      expect(boundedDamerau(a, b, max)).toBe(want <= max ? want : max + 1);
    }), { numRuns: 3000 });
  });
});
