import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/names/index.js';
import { seedDir } from './gnparserCases.js';

describe('Latin stemmer', () => {
  const pairs = readFileSync(path.join(seedDir(), 'nameparse/gnparser/stems.txt'), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => l.trim().split(/\s+/) as [string, string]);

  it('reads all 29,316 pairs of stems.txt', () => {
    expect(pairs.length).toBe(29316);
  });

  it('gives gnparser\'s stem for 100 % of them', () => {
    const bad = pairs.filter(([w, s]) => stem(w) !== s).map(([w, s]) => `${w}: expected ${s}, got ${stem(w)}`);
    expect(bad).toEqual([]);
  });

  it('keeps -que words of the exception list whole and strips the enclitic elsewhere', () => {
    expect(stem('atque')).toBe('atque');
    expect(stem('virumque')).toBe('uir');
  });
});
