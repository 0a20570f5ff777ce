/**
 * Conformance with gnparser's own suite, read as data by section label.
 * Tier 1 (parsed, canonical.simple, cardinality) ≥ 99 %, Tier 2 (canonical
 * full/stemmed, authorship normalized/year) ≥ 95 %; every case we treat
 * differently on purpose is listed in deviations.tsv, all others must pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/names/index.js';
import { fieldOf, loadGnCases, TIER1, TIER2, type Field } from './gnparserCases.js';

const cases = loadGnCases();
const results = cases.map((c) => parse(c.name));

interface Deviation { name: string; field: string; reason: string }
const deviations: Deviation[] = readFileSync(path.join(__dirname, 'deviations.tsv'), 'utf8')
  .split('\n').slice(1).filter((l) => l.trim())
  .map((l) => { const [name, field, reason] = l.split('\t'); return { name, field, reason }; });
const deviates = (name: string, field: string): boolean => deviations.some((d) => d.name === name && d.field === field);

function mismatches(field: Field): string[] {
  const out: string[] = [];
  cases.forEach((c, i) => {
    const got = fieldOf(results[i], field);
    const exp = fieldOf(c.expected, field);
    if (got !== exp) out.push(`${c.name} [${c.section}]: expected ${JSON.stringify(exp)}, got ${JSON.stringify(got)}`);
  });
  return out;
}

describe('gnparser test_data.md', () => {
  it('is read by label: every section has cases', () => {
    const text = readFileSync(path.join(process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data'), 'nameparse/gnparser/test_data.md'), 'utf8');
    const labels = text.split('\n').filter((l) => l.startsWith('### ')).map((l) => l.slice(4).trim()).filter((l) => l !== 'Test Structure');
    const withCases = new Set(cases.map((c) => c.section));
    expect(labels.filter((l) => !withCases.has(l))).toEqual([]);
    expect(cases.length).toBe(770);
  });

  it.each([...TIER1])('tier 1 %s ≥ 99 %%', (field) => {
    expect(1 - mismatches(field).length / cases.length).toBeGreaterThanOrEqual(0.99);
  });

  it.each([...TIER2])('tier 2 %s ≥ 95 %%', (field) => {
    expect(1 - mismatches(field).length / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  it.each([...TIER1, ...TIER2])('%s: every case not in deviations.tsv passes', (field) => {
    const bad = mismatches(field).filter((m) => !deviates(m.slice(0, m.lastIndexOf(' [')), field));
    expect(bad).toEqual([]);
  });

  it('every listed deviation is real (the file stays truthful)', () => {
    const stale = deviations.filter((d) => {
      const i = cases.findIndex((c) => c.name === d.name);
      return i < 0 || fieldOf(results[i], d.field as Field) === fieldOf(cases[i].expected, d.field as Field);
    });
    expect(stale).toEqual([]);
  });

  it('id is the UUID v5 of the verbatim name in gnparser\'s namespace', () => {
    const bad = cases.filter((c, i) => results[i].id !== c.expected.id).map((c) => c.name);
    expect(bad).toEqual([]);
  });

  it('normalized (canonical.full + normalised authorship) matches gnparser for ≥ 90 % of names', () => {
    const same = cases.filter((c, i) => results[i].normalized === (c.expected as { normalized?: string }).normalized).length;
    expect(same / cases.length).toBeGreaterThanOrEqual(0.9);
  });

  it('quality matches gnparser for most names', () => {
    const same = cases.filter((c, i) => results[i].quality === c.expected.quality).length;
    expect(same / cases.length).toBeGreaterThan(0.8);
  });
});
