// The pure alignment core on the real taxonomies: the CMS taxonomy of the
// Species+ 2013 seed against the CITES taxonomy of the 2017 Checklist (plus the
// 2013 CITES records of species CITES does not list). The 2013 Designation
// column is NOT an input here; it is the check.
import { beforeAll, describe, expect, it } from 'vitest';
import { alignTaxonomies, type ConceptInput, type Link } from '../../src/alignment/align.js';
import { buildSimpleIndex } from '../../src/alignment/matcher.js';
import { checklistRows, citesConcepts, cmsConcepts, idOfLegacy, legacyTaxa, type LegacyRecord } from './sources.js';

let taxa: Map<string, LegacyRecord>;
let cms: ConceptInput[];
let cites: ConceptInput[];
let links: Link[];
const byCmsName = (name: string) => {
  const c = cms.find((x) => x.name === name);
  if (!c) throw new Error(`${name} is not a CMS concept in the 2013 file`);
  return links.filter((l) => l.cmsId === c.id);
};
const citesName = (id: number | null) => cites.find((c) => c.id === id)?.name;

beforeAll(async () => {
  taxa = await legacyTaxa();
  cms = await cmsConcepts(taxa);
  cites = await citesConcepts(await checklistRows(), taxa);
  links = alignTaxonomies(cms, cites);
}, 60_000);

describe('alignTaxonomies on CMS 2013 x CITES 2017', () => {
  it('gives every CMS concept at least one link, and only disjunct links have no CITES concept', () => {
    const linked = new Set(links.map((l) => l.cmsId));
    expect(cms.every((c) => linked.has(c.id))).toBe(true);
    for (const l of links) expect(l.citesId === null, JSON.stringify(l.evidence)).toBe(l.relation === 'disjunct');
  });

  it('links >= 98% of the taxa the 2013 Designation puts in both taxonomies as equal; the misses are lumps', () => {
    const both = [...taxa.values()].filter((r) => r.designation === 'CITES_EU,CMS');
    expect(both).toHaveLength(648);
    const misses = both.filter((r) => {
      const ls = links.filter((l) => l.cmsId === idOfLegacy(r.key, 'CMS'));
      return !(ls.length === 1 && ls[0].relation === 'equal');
    });
    expect((both.length - misses.length) / both.length).toBeGreaterThanOrEqual(0.98);
    // Each miss is a CITES lump of two CMS concepts (a CMS name is a CITES synonym of another).
    for (const m of misses) {
      const [l] = byCmsName(m.name);
      expect(l, m.name).toMatchObject({ relation: 'included_in', basis: 'split_lump', review: true });
      expect(l.evidence.group!.cms.length, m.name).toBeGreaterThan(1);
    }
  });

  it('Phoenicopterus andinus (CMS) is Phoenicoparrus andinus (CITES): a genus transfer found through CITES synonyms', () => {
    const [l, ...rest] = byCmsName('Phoenicopterus andinus');
    expect(rest).toHaveLength(0);
    expect(citesName(l.citesId)).toBe('Phoenicoparrus andinus');
    expect(l).toMatchObject({ relation: 'equal', basis: 'synonym' });
    expect(l.evidence).toMatchObject({ difference: 'genus_transfer', matched: { cms: 'Phoenicopterus andinus', cites: 'Phoenicopterus andinus', via: 'cites_synonym' } });
    expect(l.citesId).toBe(6528); // the 2017 Checklist TaxonId, preferred over the 2013 record of the same name
  });

  it('Brotogeris pyrrhopterus (CMS) is Brotogeris pyrrhoptera (CITES): a gender ending', () => {
    const [l, ...rest] = byCmsName('Brotogeris pyrrhopterus');
    expect(rest).toHaveLength(0);
    expect(citesName(l.citesId)).toBe('Brotogeris pyrrhoptera');
    expect(l).toMatchObject({ relation: 'equal', basis: 'variant', review: false });
    expect(l.evidence.difference).toBe('variant');
  });

  it('Tursiops truncatus ponticus (CMS subspecies) is included in Tursiops truncatus (CITES species)', () => {
    const [l, ...rest] = byCmsName('Tursiops truncatus ponticus');
    expect(rest).toHaveLength(0);
    expect(citesName(l.citesId)).toBe('Tursiops truncatus');
    expect(l).toMatchObject({ relation: 'included_in', basis: 'rank' });
    expect(l.evidence.matched).toMatchObject({ via: 'parent_species', cms: 'Tursiops truncatus' });
  });

  it('a CMS species CITES does not list links to the unlisted CITES concept, or is disjunct when CITES has none', () => {
    // Calidris canutus: in the 2013 CITES taxonomy, not in the 2017 Checklist (not CITES-listed).
    const [canutus] = byCmsName('Calidris canutus');
    expect(canutus).toMatchObject({ relation: 'equal', basis: 'name' });
    expect(canutus.citesId! >= 3_000_000).toBe(true); // a 2013 record, not a Checklist row
    // Thalassarche melanophris: CMS only, no CITES concept of that name or synonym.
    const [albatross, ...rest] = byCmsName('Thalassarche melanophris');
    expect(rest).toHaveLength(0);
    expect(albatross).toMatchObject({ relation: 'disjunct', citesId: null });
    expect(albatross.evidence.difference).toBe('no_counterpart');
  });

  it('Loxodonta cyclotis and L. africana (two CMS species) are both included in CITES Loxodonta africana (a lump)', () => {
    for (const name of ['Loxodonta africana', 'Loxodonta cyclotis']) {
      const [l, ...rest] = byCmsName(name);
      expect(rest, name).toHaveLength(0);
      expect(citesName(l.citesId), name).toBe('Loxodonta africana');
      expect(l, name).toMatchObject({ relation: 'included_in', basis: 'split_lump', review: true });
    }
  });

  it('an unmatched name gets its nearest CITES names, and a near spelling in the same genus is a fuzzy link for review', () => {
    const [l] = byCmsName('Acrocephalus australis');
    expect(l.relation).toBe('disjunct');
    expect(l.evidence.candidates!.map((c) => c.name)).toContain('Acrocephalus palustris');
    // Fuzzy: a misspelt CMS name meets the CITES name in the same genus (fabricated typo of a real name).
    const typo = alignTaxonomies([{ id: 1, name: 'Phoenicoparus andinus', rank: 'SPECIES' }], cites);
    expect(typo).toHaveLength(1);
    expect(typo[0]).toMatchObject({ relation: 'equal', basis: 'fuzzy', review: true, citesId: 6528 });
    expect(typo[0].confidence).toBeLessThan(0.9);
  });

  it('splits: a CMS name that is a CITES synonym of two accepted species includes both', () => {
    const split = alignTaxonomies(
      [{ id: 1, name: 'Tursiops truncatus', rank: 'SPECIES' }],
      [{ id: 10, name: 'Tursiops gephyreus', rank: 'SPECIES', synonyms: ['Tursiops truncatus'] },
        { id: 11, name: 'Tursiops erebennus', rank: 'SPECIES', synonyms: ['Tursiops truncatus'] }],
    );
    expect(split.map((l) => [l.citesId, l.relation, l.basis])).toEqual([[10, 'includes', 'split_lump'], [11, 'includes', 'split_lump']]);
  });

  it('the name engine\'s index (default) and the simple hash/stem index give the same links', () => {
    expect(alignTaxonomies(cms, cites, { buildIndex: buildSimpleIndex })).toEqual(links);
  });

  it('links are deterministic and ids are never invented', () => {
    const again = alignTaxonomies(cms, cites);
    expect(again).toEqual(links);
    const citesIds = new Set(cites.map((c) => c.id));
    for (const l of links) if (l.citesId !== null) expect(citesIds.has(l.citesId)).toBe(true);
  });
});
