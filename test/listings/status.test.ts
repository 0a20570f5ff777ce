// Golden scenarios from real taxa of the Species+ 2013 seed files (CITES
// listing history of animals and plants, CMS listings). Every expected fact
// below was read off those files (see the event ids in the comments).
import { beforeAll, describe, expect, it } from 'vitest';
import { notYetInForce, ownStates, statusOn, type ConventionStatus, type ListingChange, type Reason, type TaxonNode, type TaxonStatus } from '../../src/listings/index.js';
import { loadLegacy, type LegacyData } from './legacy.js';

let data: LegacyData;
const cache = new Map<string, Map<number, TaxonStatus>>();

beforeAll(() => { data = loadLegacy(); });

/** A taxon's ancestors and descendants: all its status depends on (keeps the tests fast). */
let byId: Map<number, TaxonNode>;
let children: Map<number, TaxonNode[]>;
function lineage(id: number): TaxonNode[] {
  if (!byId) {
    byId = new Map(data.tree.map((n) => [n.id, n]));
    children = new Map();
    for (const n of data.tree) if (n.parentId !== null) { const l = children.get(n.parentId); if (l) l.push(n); else children.set(n.parentId, [n]); }
  }
  const out: TaxonNode[] = [];
  for (let n = byId.get(id); n; n = n.parentId === null ? undefined : byId.get(n.parentId)) out.push(n);
  const stack = [...(children.get(id) ?? [])];
  while (stack.length) { const n = stack.pop()!; out.push(n); stack.push(...(children.get(n.id) ?? [])); }
  return out;
}

function on(name: string, date: string): TaxonStatus {
  const ids = data.byName.get(name);
  if (!ids || ids.length !== 1) throw new Error(`${name}: ${ids?.length ?? 0} taxa in the 2013 file`);
  const key = `${name}|${date}`;
  let all = cache.get(key);
  if (!all) { all = statusOn(data.changes, lineage(ids[0]), date); cache.set(key, all); }
  return all.get(ids[0])!;
}

const kinds = (s: ConventionStatus, kind: Reason['kind']) => s.reasons.filter((r) => r.kind === kind);
const parties = (s: ConventionStatus, kind: 'reservation' | 'app3') =>
  kinds(s, kind).map((r) => (r as { party: string }).party).sort();

describe('Species+ 2013 seed files load into listing-change events', () => {
  it('reads nearly every row of the three legislation files', () => {
    expect(data.changes.filter((c) => c.convention === 'CITES').length).toBeGreaterThan(6000);
    expect(data.changes.filter((c) => c.convention === 'CMS').length).toBeGreaterThan(380);
    expect(data.instruments.length).toBeGreaterThan(200);
    // Rows whose taxon is missing from the taxa files or whose listing is blank (12 CMS rows).
    expect(data.rejects.length).toBeLessThan(30);
  });
});

describe('replay reproduces the source\'s own "is_current" flags', () => {
  // (taxon, convention) pairs where the flags and the history disagree in the file itself.
  const known: Record<string, string> = {
    'Psittacidae|CITES': 'App III (GH) of 1976 superseded by the 1981 App II inclusion; no row flagged current',
    'Pteropus|CITES': 'two App II additions on 1990-01-18, only the first flagged current',
    'Psittacula krameri|CITES': 'App III addition without a Party, deleted by a DELIII naming GH',
    'Rhinopithecus roxellana|CITES': 'App II inclusion of 1977 in force but not flagged current',
    'Aniba rosaeodora|CITES': 'App II added in 2010 and again in 2013, both flagged current',
  };
  it('for every (taxon, convention) with history but the five listed', () => {
    const own = ownStates(data.changes, '2013-09-27');
    const names = new Map(data.tree.map((n) => [n.id, n.name]));
    const groups = new Map<string, typeof data.changes>();
    for (const c of data.changes) {
      const k = `${c.taxonConceptId}|${c.convention}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    const mismatches: string[] = [];
    for (const [k, events] of groups) {
      const flagged = events.filter((e) => e.isCurrent && e.changeType === 'ADDITION').map((e) => e.id).sort();
      const [id, convention] = k.split('|');
      const inForce = (own[convention as 'CITES' | 'CMS'].get(Number(id))?.listings ?? []).map((e) => e.id).sort();
      const label = `${names.get(Number(id))}|${convention}`;
      if (JSON.stringify(flagged) !== JSON.stringify(inForce) && !known[label]) mismatches.push(`${label}: flagged ${flagged} in force ${inForce}`);
    }
    expect(groups.size).toBeGreaterThan(2400);
    expect(mismatches).toEqual([]);
  });
});

describe('golden scenarios: CITES', () => {
  it('Loxodonta africana: App III by Ghana in 1976 (one Party)', () => {
    const s = on('Loxodonta africana', '1976-06-01').CITES;
    expect(s.appendices).toEqual(['III']);
    expect(s.listing).toBe('III');
    expect(parties(s, 'app3')).toEqual(['GH']);
  });

  it('Loxodonta africana: App II from 1977 to 1990, with the UK (Hong Kong) reservation withdrawn in 1978', () => {
    const s1977 = on('Loxodonta africana', '1977-06-01').CITES;
    expect(s1977.appendices).toEqual(['II']);
    expect(parties(s1977, 'reservation')).toEqual(['GB']);
    // Ghana's App III listing was deleted that day: history, not a reason of the App II status.
    expect(kinds(s1977, 'deletion')).toEqual([]);
    const s1989 = on('Loxodonta africana', '1989-12-31').CITES;
    expect(s1989.appendices).toEqual(['II']);
    expect(parties(s1989, 'reservation')).toEqual([]);
  });

  it('Loxodonta africana: App I from 18 January 1990, with reservations; China withdrew its reservation in 1991', () => {
    const s = on('Loxodonta africana', '1990-06-01').CITES;
    expect(s.appendices).toEqual(['I']);
    expect(s.listing).toBe('I');
    expect(parties(s, 'reservation')).toEqual(['BW', 'CN', 'GB', 'MW', 'ZA', 'ZM', 'ZW']);
    expect(parties(on('Loxodonta africana', '1991-01-10').CITES, 'reservation')).toContain('CN');
    expect(parties(on('Loxodonta africana', '1991-01-11').CITES, 'reservation')).not.toContain('CN');
    expect(on('Loxodonta africana', '1990-01-17').CITES.appendices).toEqual(['II']);
  });

  it('Loxodonta africana: split listing from 18 September 1997 (BW, NA, ZW in App II), ZA added in 2000', () => {
    const s1997 = on('Loxodonta africana', '1997-09-18').CITES;
    expect(s1997.appendices).toEqual(['I', 'II']);
    expect(s1997.listing).toBe('I/II');
    expect(kinds(s1997, 'population')).toMatchObject([
      { appendix: 'I', included: [], excluded: ['BW', 'NA', 'ZW'] },
      { appendix: 'II', included: ['BW', 'NA', 'ZW'], excluded: [] },
    ]);
    const s2013 = on('Loxodonta africana', '2013-09-27').CITES;
    expect(kinds(s2013, 'population')).toMatchObject([
      { appendix: 'I', excluded: ['BW', 'NA', 'ZA', 'ZW'] },
      { appendix: 'II', included: ['BW', 'NA', 'ZA', 'ZW'] },
    ]);
    // Malawi's 1990 reservation was never withdrawn; the others were by 2000.
    expect(parties(s2013, 'reservation')).toEqual(['MW']);
    expect(kinds(s2013, 'annotation').map((r) => (r as { en: string }).en)).toContain('Populations of BW, NA, ZA, ZW');
  });

  it('Panthera leo: App III by Ghana in 1976, then listed as part of Felidae (App II); I/II with the Asiatic lion', () => {
    expect(on('Panthera leo', '1976-06-01').CITES.appendices).toEqual(['III']);
    const s = on('Panthera leo', '2013-09-27').CITES;
    expect(s.appendices).toEqual(['II']);
    expect(kinds(s, 'inherited')).toMatchObject([{ appendix: 'II', from: { name: 'Felidae', rank: 'FAMILY' } }]);
    expect(s.listing).toBe('I/II');
    expect(kinds(s, 'descendants')).toMatchObject([{ appendices: ['I'] }]);
    expect(on('Panthera leo persica', '2013-09-27').CITES.appendices).toEqual(['I']);
    expect(on('Panthera leo persica', '1976-01-01').CITES.appendices).toEqual(['II']);
  });

  it('Felidae spp. covers cat species without listings of their own, and leaves out the domestic cat', () => {
    const wildcat = on('Felis silvestris', '2013-09-27').CITES;
    expect(wildcat.appendices).toEqual(['II']);
    expect(kinds(wildcat, 'inherited')).toMatchObject([{ from: { name: 'Felidae' } }]);
    expect(kinds(wildcat, 'inherited')[0].text).toBe('listed as part of Felidae in Appendix II');
    const cat = on('Felis catus', '2013-09-27').CITES;
    expect(cat.appendices).toEqual([]);
    expect(cat.listing).toBe('NC');
    expect(kinds(cat, 'excluded')).toMatchObject([{ from: { name: 'Felidae' } }]);
    expect(on('Felidae', '2013-09-27').CITES.listing).toBe('I/II/NC');
    expect(on('Felis silvestris', '1977-01-01').CITES.appendices).toEqual([]);
  });

  it('Crocodylus niloticus: App I (1975), Zimbabwe ranching population to App II (1983), 13 populations in App II since 2010', () => {
    expect(on('Crocodylus niloticus', '1980-01-01').CITES.appendices).toEqual(['I']);
    const s1983 = on('Crocodylus niloticus', '1983-07-29').CITES;
    expect(s1983.appendices).toEqual(['I', 'II']);
    expect(kinds(s1983, 'population')).toMatchObject([{ appendix: 'II', included: ['ZW'] }]);
    const s = on('Crocodylus niloticus', '2013-09-27').CITES;
    expect(s.listing).toBe('I/II');
    const pops = kinds(s, 'population') as Extract<Reason, { kind: 'population' }>[];
    expect(pops[0].excluded).toHaveLength(13);
    expect(pops[1].included).toEqual(pops[0].excluded);
    // Canada's App II reservation of 23 June 2010.
    expect(parties(s, 'reservation')).toEqual(['CA']);
  });

  it('Isostichopus fuscus: App III by Ecuador from 16 October 2003 only', () => {
    expect(on('Isostichopus fuscus', '2003-10-15').CITES.listing).toBeNull();
    const s = on('Isostichopus fuscus', '2003-10-16').CITES;
    expect(s.listing).toBe('III');
    expect(kinds(s, 'app3')).toMatchObject([{ party: 'EC', effectiveAt: '2003-10-16' }]);
  });

  it('a taxon whose only listing was deleted is not listed, and the deletion says why', () => {
    // Isostichopus fuscus has no deletion; Panthera leo's App III (GH, 1976) ended when Felidae spp. covered it.
    const cases = data.changes.filter((c) => c.convention === 'CITES' && c.changeType === 'DELETION');
    const deletedOnly = cases.map((c) => c.taxonConceptId).find((id) => {
      const own = data.changes.filter((c) => c.taxonConceptId === id && c.convention === 'CITES');
      return own.every((c) => c.changeType !== 'ADDITION' || own.some((d) => d.changeType === 'DELETION' && d.appendix === c.appendix && (d.effectiveAt ?? '') >= (c.effectiveAt ?? '')));
    })!;
    const name = data.tree.find((n) => n.id === deletedOnly)!.name;
    const s = on(name, '2013-09-27').CITES;
    if (s.appendices.length === 0) expect(kinds(s, 'deletion').length).toBeGreaterThan(0);
    else expect(kinds(s, 'deletion')).toEqual([]);
  });

  it('nothing is listed before CITES entered into force', () => {
    const before = statusOn(data.changes, data.tree, '1975-06-30');
    expect([...before.values()].filter((s) => s.CITES.appendices.length > 0)).toEqual([]);
  });
});

describe('golden scenarios: CMS', () => {
  it('a family in Appendix II also covers its species listed in Appendix I: they read I/II (the 2013 file lists both)', () => {
    for (const [name, family] of [['Neophron percnopterus', 'Accipitridae'], ['Chelonia mydas', 'Cheloniidae'], ['Lepidochelys olivacea', 'Cheloniidae'], ['Dermochelys coriacea', 'Dermochelyidae']]) {
      const ids = data.byName.get(name)!;
      const s = ids.map((id) => statusOn(data.changes, lineage(id), '2013-09-27').get(id)!.CMS).find((x) => x.appendices.length)!;
      expect(s.appendices, name).toEqual(expect.arrayContaining(['I', 'II']));
      expect(s.listing, name).toBe('I/II');
      expect(kinds(s, 'own').map((r) => (r as { appendix: string }).appendix), name).toContain('I');
      expect(kinds(s, 'inherited'), name).toMatchObject([{ appendix: 'II', from: { name: family } }]);
    }
  });

  it('a species of a CMS Appendix II family without a listing of its own is in Appendix II as part of it (Gyps africanus)', () => {
    const s = on('Gyps africanus', '2013-09-27').CMS;
    expect(s.appendices).toEqual(['II']);
    expect(kinds(s, 'inherited')).toMatchObject([{ from: { name: 'Accipitridae' } }]);
  });

  it('nothing is listed before CMS entered into force (1 November 1983), and the status says so', () => {
    const before = statusOn(data.changes, data.tree, '1983-10-31');
    expect([...before.values()].filter((s) => s.CMS.appendices.length > 0)).toEqual([]);
    expect(notYetInForce('CMS', '1983-10-31')).toMatchObject({ listing: null, reasons: [{ kind: 'not_in_force', since: '1983-11-01' }] });
    expect(notYetInForce('CMS', '1983-11-01')).toBeNull();
    expect(notYetInForce('CITES', '1975-06-30')?.reasons[0].text).toMatch(/not yet in force/);
  });

  it('Delphinus delphis: App II (1989), App I for the Mediterranean population (2006); ASCOBANS (1994) and ACCOBAMS (2001) are instruments, not appendices', () => {
    expect(on('Delphinus delphis', '1988-12-31').CMS.listing).toBeNull();
    expect(on('Delphinus delphis', '1990-01-01').CMS.appendices).toEqual(['II']);
    expect(on('Delphinus delphis', '1995-01-01').CMS.appendices).toEqual(['II']);
    const s = on('Delphinus delphis', '2013-09-27').CMS;
    expect(s.appendices).toEqual(['I', 'II']);
    const id = data.byName.get('Delphinus delphis')![0];
    expect(data.instruments.filter((i) => i.taxonConceptId === id).map((i) => [i.instrument, i.since]).sort()).toEqual([['ACCOBAMS', '2001-06-01'], ['ASCOBANS', '1994-03-29']]);
    expect(s.listing).toBe('I/II');
    expect(kinds(s, 'annotation').slice(0, 2)).toMatchObject([{ appendix: 'I', en: 'Only Mediterranean population.' }, { appendix: 'II' }]);
  });

  it('Acinonyx jubatus: CMS App I except Botswana, Namibia and Zimbabwe (2009); CITES App I with Namibia\'s reservation', () => {
    const s = on('Acinonyx jubatus', '2013-09-27');
    expect(s.CMS.appendices).toEqual(['I']);
    expect(kinds(s.CMS, 'population')).toMatchObject([{ appendix: 'I', excluded: ['BW', 'NA', 'ZW'] }]);
    expect(on('Acinonyx jubatus', '2009-03-04').CMS.listing).toBeNull();
    expect(s.CITES.appendices).toEqual(['I']);
    expect(parties(s.CITES, 'reservation')).toEqual(['NA']);
  });

  it('Loxodonta africana: CMS App II (1979); the West African Elephants MoU (2005) is an instrument', () => {
    expect(on('Loxodonta africana', '2000-01-01').CMS.appendices).toEqual(['II']);
    expect(on('Loxodonta africana', '2013-09-27').CMS.appendices).toEqual(['II']);
    const id = data.byName.get('Loxodonta africana')![0];
    expect(data.instruments.filter((i) => i.taxonConceptId === id)).toMatchObject([{ instrument: 'West African Elephants', since: '2005-01-01' }]);
  });
});

describe('an undated snapshot (the 2017 Checklist) over a dated history (Species+ 2013)', () => {
  it('history decides before its last date, the snapshot after', () => {
    const id = data.byName.get('Loxodonta africana')![0];
    const history = data.changes.filter((c) => c.taxonConceptId === id);
    // Loxodonta africana's two 2017 Checklist segments (AnnotationEnglish of TaxonId 4521).
    const snapshot: ListingChange[] = [
      { id: 'S1', taxonConceptId: id, convention: 'CITES', appendix: 'I', changeType: 'ADDITION', effectiveAt: null, isCurrent: true, populationsExcluded: ['BW', 'NA', 'ZA', 'ZW'], annotation: { en: 'All populations except those of BW, NA, ZA, and ZW.' } },
      { id: 'S2', taxonConceptId: id, convention: 'CITES', appendix: 'II', changeType: 'ADDITION', effectiveAt: null, isCurrent: true, populationsIncluded: ['BW', 'NA', 'ZA', 'ZW'], annotation: { en: 'Populations of BW, NA, ZA, ZW ' } },
    ];
    const at = (date: string) => statusOn([...history, ...snapshot], lineage(id), date).get(id)!.CITES;
    expect(at('1990-06-01').appendices).toEqual(['I']);
    expect(at('1980-01-01').appendices).toEqual(['II']);
    const now = at('2017-04-21');
    expect(now.reasons.filter((r) => r.kind === 'own').map((r) => (r as { changeId: string }).changeId)).toEqual(['S1', 'S2']);
    // The history's reservation (Malawi, 1990) is kept: the snapshot records none.
    expect(parties(now, 'reservation')).toEqual(['MW']);
  });

  it('with its day (asOf), the snapshot holds from that day, and a dated change after it wins (otters moved to App I at CoP18)', () => {
    // Lutrogale perspicillata: App II as part of Lutrinae in the 2013 history and the 2017 Checklist; App I from
    // 26 November 2019 (its Species+ API record in rcites-fixtures/spp_taxonconcept_upd.json).
    const id = data.byName.get('Lutrogale perspicillata')![0];
    const history = data.changes.filter((c) => c.taxonConceptId === id);
    const base = { taxonConceptId: id, convention: 'CITES' as const, changeType: 'ADDITION' as const };
    const snapshot: ListingChange = { ...base, id: 'S1', appendix: 'II', effectiveAt: null, isCurrent: true, asOf: '2017-04-21' };
    const cop18: ListingChange = { ...base, id: 'C18', appendix: 'I', effectiveAt: '2019-11-26', isCurrent: true };
    const at = (date: string) => statusOn([...history, snapshot, cop18], lineage(id), date).get(id)!.CITES;
    expect(at('2018-01-01').appendices).toEqual(['II']);
    expect(at('2019-11-25').appendices).toEqual(['II']);
    expect(at('2019-11-26').appendices).toEqual(['I']);
    expect(at('2026-01-01').reasons.filter((r) => r.kind === 'own').map((r) => (r as { changeId: string }).changeId)).toEqual(['C18']);
  });

  it('keeps the Party of an App III listing the snapshot confirms without naming it (Acrocephalus rodericanus, Mauritius)', () => {
    const id = data.byName.get('Acrocephalus rodericanus')![0];
    const history = data.changes.filter((c) => c.taxonConceptId === id && c.convention === 'CITES');
    expect(history.filter((c) => c.appendix === 'III').map((c) => c.partyIso2)).toContain('MU');
    const snapshot: ListingChange = { id: 'S1', taxonConceptId: id, convention: 'CITES', appendix: 'III', changeType: 'ADDITION', effectiveAt: null, isCurrent: true, asOf: '2017-04-21' };
    const s = statusOn([...history, snapshot], lineage(id), '2020-01-01').get(id)!.CITES;
    expect(s.appendices).toEqual(['III']);
    expect(parties(s, 'app3')).toEqual(['MU']);
  });
});
