// The engine's summary must give the 2017 Checklist's CurrentListing for every
// taxon of the export, from the annotations alone; the few it cannot are
// listed with a reason in checklist-2017-exceptions.tsv.
import { beforeAll, describe, expect, it } from 'vitest';
import { statusOn, type TaxonStatus } from '../../src/listings/index.js';
import { loadChecklist, type ChecklistData } from './checklist.js';
import { readExceptions } from './checklistExceptions.js';

let data: ChecklistData;
let status: Map<number, TaxonStatus>;

beforeAll(() => {
  data = loadChecklist();
  status = statusOn(data.changes, data.tree, '2017-04-21', { conventions: ['CITES'] });
});

describe('2017 Checklist CurrentListing', () => {
  it('is reproduced for every taxon of the export but the listed exceptions', () => {
    const exceptions = readExceptions();
    const wrong: string[] = [];
    const stale: string[] = [];
    for (const r of data.rows) {
      const computed = status.get(r.nodeId)!.CITES.listing ?? '';
      const e = exceptions.get(r.taxonId);
      if (e) {
        if (computed !== e.computed || r.currentListing !== e.expected) stale.push(`${r.name}: file says ${e.expected} <- ${e.computed}, now ${r.currentListing} <- ${computed}`);
      } else if (computed !== r.currentListing) wrong.push(`${r.name} (${r.taxonId}): CurrentListing '${r.currentListing}', computed '${computed}'`);
    }
    expect(data.rows).toHaveLength(38079);
    expect(wrong).toEqual([]);
    expect(stale).toEqual([]);
    expect(exceptions.size / data.rows.length).toBeLessThan(0.003);
    for (const e of exceptions.values()) expect(e.reason.length, `${e.name} needs a reason`).toBeGreaterThan(20);
  });

  const cases: [string, string, string][] = [
    ['Felidae', 'I/II/NC', 'App II family with App I species and the domestic cat left out'],
    ['Felis catus', 'NC', 'named in the Checklist, not listed'],
    ['Loxodonta africana', 'I/II', 'split listing by population'],
    ['Canis lupus', 'I/II', 'App I for four populations, the rest App II'],
    ['Antilocapra americana', 'I/NC', 'only the population of Mexico is listed'],
    ['Colinus virginianus', 'I/NC', 'species not listed, one subspecies in App I'],
    ['Falconiformes', 'I/II/III/NC', 'order: descendants in I, II and III, Caracara lutosa and Cathartidae not listed'],
    ['Aquilaria malaccensis', 'II', 'App II with #14'],
  ];
  it.each(cases)('%s is %s (%s)', (name, listing) => {
    const row = data.rows.find((r) => r.name === name)!;
    expect(row.currentListing).toBe(listing);
    expect(status.get(row.nodeId)!.CITES.listing).toBe(listing);
  });

  it('keeps annotations in three languages and the # annotation on the listing', () => {
    const row = data.rows.find((r) => r.name === 'Aquilaria malaccensis')!;
    const ann = status.get(row.nodeId)!.CITES.reasons.find((r) => r.kind === 'annotation');
    expect(ann).toMatchObject({ kind: 'annotation', appendix: 'II', hashSymbol: '#14' });
    const lox = data.rows.find((r) => r.name === 'Loxodonta africana')!;
    const texts = status.get(lox.nodeId)!.CITES.reasons.filter((r) => r.kind === 'annotation');
    expect(texts[0]).toMatchObject({ appendix: 'I', en: 'All populations except those of BW, NA, ZA, and ZW.' });
    expect((texts[0] as { es: string }).es).toMatch(/BW/);
    expect((texts[0] as { fr: string }).fr).toMatch(/BW/);
  });
});
