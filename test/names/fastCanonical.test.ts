/**
 * The canonical-only fast path (plain names, optionally with a plain
 * authorship) must agree with the full parser wherever it answers: on the
 * gnparser conformance names, gnverifier's 100k dirty names and every name
 * and synonym (with authors) of the 2017 CITES export; and it must answer for
 * the bulk of authored CITES names, or it is not a fast path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fastCanonical, parseName } from '../../src/names/parser.js';
import { splitSynonyms } from '../../src/names/index.js';
import { loadGnCases, seedDir } from './gnparserCases.js';
import { readCitesRows } from './seedData.js';

/** Differences between the fast path and the full parser on `names` (empty when they agree). */
function disagreements(names: string[]): { answered: number; diffs: string[] } {
  let answered = 0;
  const diffs: string[] = [];
  for (const name of names) {
    const fast = fastCanonical(name);
    if (!fast) continue;
    answered++;
    const full = parseName(name, { canonicalOnly: true });
    const want = full.parsed && full.canonical
      ? { simple: full.canonical.simple, full: full.canonical.full, stemmed: full.canonical.stemmed, cardinality: full.cardinality }
      : undefined;
    if (JSON.stringify(fast) !== JSON.stringify(want)) diffs.push(`${name}: fast ${JSON.stringify(fast)} full ${JSON.stringify(want)}`);
  }
  return { answered, diffs };
}

let authored: string[] = [];
beforeAll(async () => {
  const rows = await readCitesRows();
  authored = rows.flatMap((r) => [r.AuthorYear ? `${r.FullName} ${r.AuthorYear}` : r.FullName, ...splitSynonyms(r.SynonymsWithAuthors ?? '')]);
}, 60_000);

describe('fastCanonical agrees with the full parser', () => {
  it('on the gnparser conformance names', () => {
    const { diffs } = disagreements(loadGnCases().map((c) => c.name));
    expect(diffs).toEqual([]);
  });

  it("on gnverifier's 100k dirty names", () => {
    const dirty = readFileSync(path.join(seedDir(), 'nameparse/gnverifier/testdata.txt'), 'utf8').split('\n').filter(Boolean);
    const { answered, diffs } = disagreements(dirty);
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(answered).toBeGreaterThan(dirty.length / 2);
  });

  it('on every CITES 2017 name and synonym with its authors, answering for most of them', () => {
    const { answered, diffs } = disagreements(authored);
    expect(diffs.slice(0, 20)).toEqual([]);
    expect(answered / authored.length).toBeGreaterThan(0.8);
  });

  it('on real names followed by authorships built from the pieces plain authorships are made of', () => {
    const piece = fc.constantFrom('L.', 'Linnaeus', 'Rchb.f.', 'Lacépède', "O'Shaughnessy", 'Müller', 'Gray', '1758', '1999', '&', 'ex', 'van', 'de', 'var.', 'non', 'f.', 'Bus', '17', '(Gray', 'Gray)', 'Gray,', '1821)', '(L.)', '?', 'H.Sm.te', 'Hook.f.', 'Hook.fil.', 'L.f.ex', 'Sm.ssp.', 'Crous', 'X', 'Schltr.X', 'J.J.X', 'Xu');
    const name = fc.constantFrom(...authored.slice(0, 2000).map((n) => n.split(' ').slice(0, 2).join(' ')));
    fc.assert(fc.property(name, fc.array(piece, { minLength: 1, maxLength: 5 }), (n, tail) => {
      expect(disagreements([`${n} ${tail.join(' ')}`]).diffs).toEqual([]);
    }), { numRuns: 3000 });
  });
});
