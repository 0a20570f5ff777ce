// The CMS <-> CITES concept alignment (RCC-5), as a pure function: taxon
// concepts of both taxonomies in, links with their evidence out. Names,
// synonyms and the name engine decide; nothing here reads a database.
import { buildEngineIndex, nameKeys, type BuildNameIndex, type NameHit, type NameIndex } from './matcher.js';

export type Relation = 'equal' | 'includes' | 'included_in' | 'overlaps' | 'disjunct';
export type Basis = 'name' | 'synonym' | 'variant' | 'fuzzy' | 'rank' | 'split_lump' | 'curated';
/** How the two names of a linked pair differ, for the nomenclature report (A2). */
export type NameDifference = 'none' | 'authorship' | 'variant' | 'synonym' | 'genus_transfer' | 'rank' | 'split_lump' | 'fuzzy' | 'no_counterpart';

export interface ConceptInput {
  id: number;
  /** Full scientific name without authorship, e.g. 'Tursiops truncatus ponticus'. */
  name: string;
  rank: string;
  author?: string | null;
  /** Synonym names of this accepted concept in its own taxonomy. */
  synonyms?: string[];
  /** Class (Aves, Mammalia ...): fuzzy links never cross classes. */
  className?: string | null;
  /** Among same-name concepts of one taxonomy, the highest weight is the one linked (e.g. the current source). */
  weight?: number;
}

export interface Candidate { id: number; name: string; rank: string; distance: number }

export interface LinkEvidence {
  cmsName: string;
  citesName?: string;
  /** The two name strings that met, and how. */
  matched?: { cms: string; cites: string; via: Via; kind: 'exact' | 'variant' | 'fuzzy' };
  difference: NameDifference;
  distance?: number;
  /** Other concepts in the same split or lump. */
  group?: { cms: string[]; cites: string[] };
  /** Same-name CITES concepts folded into the linked one (duplicates in the source). */
  sameName?: number[];
  /** Nearest CITES names when there is no counterpart. */
  candidates?: Candidate[];
  notes?: string[];
}

export type Via = 'accepted' | 'cites_synonym' | 'cms_synonym' | 'parent_species' | 'child_subspecies';

export interface Link {
  cmsId: number;
  citesId: number | null;
  relation: Relation;
  basis: Basis;
  confidence: number;
  review: boolean;
  evidence: LinkEvidence;
}

export interface AlignOptions {
  /** Name lookups: the name engine's index (default) or `buildSimpleIndex` (hash + stem only, faster). */
  buildIndex?: BuildNameIndex;
  /** Nearest candidates kept for unmatched concepts (default 3). */
  candidates?: number;
}

interface Target { concept: ConceptInput; synonym: boolean; name: string }

const TIER_CONFIDENCE: Record<string, number> = {
  'accepted:exact': 1, 'accepted:variant': 0.92, 'cites_synonym:exact': 0.9, 'cms_synonym:exact': 0.88,
  'cites_synonym:variant': 0.8, 'cms_synonym:variant': 0.78,
};
const TIERS = Object.keys(TIER_CONFIDENCE);

const normRank = (r: string) => r.trim().toUpperCase();
const isInfra = (r: string) => ['SUBSPECIES', 'VARIETY', 'FORM'].includes(normRank(r));

interface Direct { target: ConceptInput; via: Via; kind: 'exact' | 'variant' | 'fuzzy'; cmsName: string; citesName: string; distance: number }

/** Link every CMS concept to its CITES counterpart(s), or to none. */
export function alignTaxonomies(cms: ConceptInput[], cites: ConceptInput[], opts: AlignOptions = {}): Link[] {
  const build = opts.buildIndex ?? buildEngineIndex;
  const { representative, sameName } = foldDuplicates(cites);
  const entries = [] as { name: string; value: Target }[];
  for (const c of cites) {
    const rep = representative.get(c.id)!;
    entries.push({ name: c.name, value: { concept: rep, synonym: false, name: c.name } });
    for (const s of c.synonyms ?? []) entries.push({ name: s, value: { concept: rep, synonym: true, name: s } });
  }
  const index = build(entries);
  const acceptedOnly = build(entries.filter((e) => !e.value.synonym));
  const subspeciesOf = new Map<string, ConceptInput[]>();
  for (const c of new Set(representative.values())) {
    if (!isInfra(c.rank)) continue;
    const k = nameKeys(c.name);
    if (!k) continue;
    const species = k.canon.split(' ').slice(0, 2).join(' ');
    subspeciesOf.set(species, [...(subspeciesOf.get(species) ?? []), c]);
  }

  const direct = new Map<number, Direct[]>();
  for (const c of cms) direct.set(c.id, directMatches(c, index, { fuzzy: false }));
  const links: Link[] = [];
  const pending: ConceptInput[] = [];
  for (const c of cms) {
    if (direct.get(c.id)!.length) continue;
    const viaRank = rankLinks(c, index, subspeciesOf);
    if (viaRank.length) { links.push(...viaRank); continue; }
    pending.push(c);
  }
  // Fuzzy last, and only onto CITES concepts no other CMS concept reached by name:
  // a near spelling must not glue two different animals into a "lump".
  const taken = new Set([...direct.values()].flat().map((d) => d.target.id));
  const fuzzyLinks: Link[] = [];
  for (const c of pending.splice(0)) {
    const fuzzy = directMatches(c, index, { fuzzy: true })
      .filter((d) => !taken.has(d.target.id) && sameClass(c, d.target));
    if (fuzzy.length === 1) fuzzyLinks.push(sameLevelLink(c, fuzzy[0], 'equal', undefined, sameName.get(fuzzy[0].target.id)));
    else pending.push(c);
  }
  links.push(...fuzzyLinks);
  links.push(...sameLevelLinks(cms, direct, sameName));
  for (const c of pending) links.push(disjunct(c, acceptedOnly, opts.candidates ?? 3));
  return links.sort((a, b) => a.cmsId - b.cmsId || (a.citesId ?? 0) - (b.citesId ?? 0));
}

function sameClass(a: ConceptInput, b: ConceptInput): boolean {
  return !a.className || !b.className || a.className.toLowerCase() === b.className.toLowerCase();
}

/** Same-name concepts of one taxonomy collapse onto the heaviest (a source listed twice is a data issue, not a split). */
function foldDuplicates(cites: ConceptInput[]) {
  const groups = new Map<string, ConceptInput[]>();
  for (const c of cites) {
    const k = `${normRank(c.rank)}|${nameKeys(c.name)?.canon ?? c.name.toLowerCase()}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const representative = new Map<number, ConceptInput>();
  const sameName = new Map<number, number[]>();
  for (const g of groups.values()) {
    const rep = g.reduce((a, b) => ((b.weight ?? 0) > (a.weight ?? 0) || ((b.weight ?? 0) === (a.weight ?? 0) && b.id < a.id) ? b : a));
    for (const c of g) representative.set(c.id, rep);
    if (g.length > 1) sameName.set(rep.id, g.filter((c) => c !== rep).map((c) => c.id));
  }
  return { representative, sameName };
}

/** Targets at the best tier: accepted names first, then synonyms of either side; exact before variant. */
function directMatches(c: ConceptInput, index: NameIndex<Target>, opts: { fuzzy: boolean }): Direct[] {
  const found: Direct[] = [];
  const rank = normRank(c.rank);
  const look = (name: string, fromSynonym: boolean) => {
    for (const h of index.match(name, { fuzzy: opts.fuzzy }) as NameHit<Target>[]) {
      if (normRank(h.entry.value.concept.rank) !== rank) continue;
      const t = h.entry.value;
      // Two synonyms meeting say little (homonyms abound among old names).
      if (fromSynonym && t.synonym) continue;
      const via: Via = fromSynonym ? 'cms_synonym' : (t.synonym ? 'cites_synonym' : 'accepted');
      found.push({ target: t.concept, via, kind: h.kind, cmsName: name, citesName: t.name, distance: h.distance });
    }
  };
  look(c.name, false);
  if (!opts.fuzzy) for (const s of c.synonyms ?? []) look(s, true);
  if (opts.fuzzy) return bestPerTarget(found.filter((d) => d.via === 'accepted' || d.via === 'cites_synonym'));
  for (const tier of TIERS) {
    const inTier = found.filter((d) => `${d.via}:${d.kind}` === tier);
    if (inTier.length) return bestPerTarget(inTier);
  }
  return [];
}

function bestPerTarget(ds: Direct[]): Direct[] {
  const m = new Map<number, Direct>();
  for (const d of ds) if (!m.has(d.target.id) || m.get(d.target.id)!.distance > d.distance) m.set(d.target.id, d);
  return [...m.values()];
}

/** A CMS subspecies whose species CITES has, or a CMS species CITES divides into subspecies only. */
function rankLinks(c: ConceptInput, index: NameIndex<Target>, subspeciesOf: Map<string, ConceptInput[]>): Link[] {
  const keys = nameKeys(c.name);
  if (!keys) return [];
  const words = keys.canon.split(' ');
  const evidenceBase = { cmsName: c.name, difference: 'rank' as const };
  if (isInfra(c.rank) && words.length >= 3) {
    const speciesName = c.name.split(/\s+/).slice(0, 2).join(' ');
    const hits = directMatches({ ...c, name: speciesName, rank: 'SPECIES', synonyms: [] }, index, { fuzzy: false });
    return hits.map((d) => ({
      cmsId: c.id, citesId: d.target.id, relation: 'included_in' as const, basis: 'rank' as const,
      confidence: round(0.85 * (TIER_CONFIDENCE[`${d.via}:${d.kind}`] ?? 0.7)), review: hits.length > 1,
      evidence: { ...evidenceBase, citesName: d.target.name, matched: { cms: speciesName, cites: d.citesName, via: 'parent_species' as const, kind: d.kind } },
    }));
  }
  if (normRank(c.rank) === 'SPECIES') {
    const subs = subspeciesOf.get(words.slice(0, 2).join(' ')) ?? [];
    return subs.map((s) => ({
      cmsId: c.id, citesId: s.id, relation: 'includes' as const, basis: 'rank' as const,
      confidence: 0.8, review: true,
      evidence: { ...evidenceBase, citesName: s.name, matched: { cms: c.name, cites: s.name, via: 'child_subspecies' as const, kind: 'exact' as const } },
    }));
  }
  return [];
}

/**
 * Same-rank links, grouped into connected components: one CMS name to one
 * CITES concept is equal; one to many a split (includes), many to one a lump
 * (included_in), many to many overlaps.
 */
function sameLevelLinks(cms: ConceptInput[], direct: Map<number, Direct[]>, sameName: Map<number, number[]>): Link[] {
  const byId = new Map(cms.map((c) => [c.id, c]));
  const citesToCms = new Map<number, number[]>();
  for (const [cmsId, ds] of direct) for (const d of ds) citesToCms.set(d.target.id, [...(citesToCms.get(d.target.id) ?? []), cmsId]);
  const seen = new Set<number>();
  const links: Link[] = [];
  for (const start of cms) {
    if (seen.has(start.id) || !direct.get(start.id)?.length) continue;
    // Walk the component CMS -> CITES -> CMS.
    const cmsIds = new Set<number>([start.id]);
    const citesIds = new Set<number>();
    const queue = [start.id];
    while (queue.length) {
      const id = queue.pop()!;
      for (const d of direct.get(id) ?? []) {
        if (citesIds.has(d.target.id)) continue;
        citesIds.add(d.target.id);
        for (const other of citesToCms.get(d.target.id) ?? []) if (!cmsIds.has(other)) { cmsIds.add(other); queue.push(other); }
      }
    }
    for (const id of cmsIds) seen.add(id);
    // Same-name (or same-stem: Kogia sima / simus) CMS concepts are duplicates, not a lump.
    const cmsNames = new Set([...cmsIds].map((id) => nameKeys(byId.get(id)!.name)?.stemmed ?? byId.get(id)!.name));
    const nCms = cmsNames.size;
    const nCites = citesIds.size;
    const relation: Relation = nCms === 1 && nCites === 1 ? 'equal' : nCms === 1 ? 'includes' : nCites === 1 ? 'included_in' : 'overlaps';
    const group = relation === 'equal' ? undefined : {
      cms: [...cmsIds].map((id) => byId.get(id)!.name).sort(),
      cites: [...new Set([...cmsIds].flatMap((id) => direct.get(id)!.map((d) => d.target.name)))].sort(),
    };
    const duplicates = cmsIds.size > nCms ? [...cmsIds].map((id) => byId.get(id)!.name).sort() : undefined;
    for (const id of cmsIds) {
      for (const d of direct.get(id)!) {
        const link = sameLevelLink(byId.get(id)!, d, relation, group, sameName.get(d.target.id));
        // Two CMS concepts for one name (or one name in two spellings) is a source issue to report, not a lump.
        if (duplicates) link.evidence.notes = [`CMS has ${duplicates.length} concepts for one name: ${duplicates.join(', ')}`];
        links.push(link);
      }
    }
  }
  return links;
}

function sameLevelLink(c: ConceptInput, d: Direct, relation: Relation, group: { cms: string[]; cites: string[] } | undefined, sameName?: number[]): Link {
  const tierConfidence = d.kind === 'fuzzy' ? 0.7 - 0.1 * d.distance : TIER_CONFIDENCE[`${d.via}:${d.kind}`];
  const basis: Basis = relation !== 'equal' ? 'split_lump'
    : d.kind === 'fuzzy' ? 'fuzzy'
    : d.via === 'accepted' ? (d.kind === 'exact' ? 'name' : 'variant')
    : classifySynonym(c.name, d.target.name) === 'variant' ? 'variant' : 'synonym';
  const difference = relation !== 'equal' ? 'split_lump' : nameDifference(c, d.target, basis);
  const evidence: LinkEvidence = {
    cmsName: c.name, citesName: d.target.name,
    matched: { cms: d.cmsName, cites: d.citesName, via: d.via, kind: d.kind },
    difference,
  };
  if (d.distance) evidence.distance = d.distance;
  if (group) evidence.group = group;
  if (sameName?.length) evidence.sameName = sameName;
  return {
    cmsId: c.id, citesId: d.target.id, relation, basis,
    confidence: round(relation === 'equal' ? tierConfidence : Math.min(tierConfidence, 0.7)),
    review: basis === 'fuzzy' || basis === 'split_lump',
    evidence,
  };
}

/** Synonym pairs whose canonical forms differ only by Latin endings are spelling/gender variants. */
function classifySynonym(a: string, b: string): 'variant' | 'synonym' {
  const ka = nameKeys(a);
  const kb = nameKeys(b);
  return ka && kb && ka.stemmed === kb.stemmed ? 'variant' : 'synonym';
}

function nameDifference(c: ConceptInput, t: ConceptInput, basis: Basis): NameDifference {
  if (basis === 'fuzzy') return 'fuzzy';
  const ka = nameKeys(c.name);
  const kb = nameKeys(t.name);
  if (ka && kb && ka.canon === kb.canon) {
    return normAuthor(c.author) && normAuthor(t.author) && normAuthor(c.author) !== normAuthor(t.author) ? 'authorship' : 'none';
  }
  if (ka && kb && ka.stemmed === kb.stemmed) return 'variant';
  if (ka && kb && ka.canon.split(' ')[0] !== kb.canon.split(' ')[0]) return 'genus_transfer';
  return 'synonym';
}

const normAuthor = (a?: string | null) => (a ?? '').replace(/[()\s.,&]+/g, ' ').replace(/\band\b/g, ' ').trim().toLowerCase();

function disjunct(c: ConceptInput, index: NameIndex<Target>, n: number): Link {
  const seen = new Set<number>();
  const candidates: Candidate[] = [];
  for (const h of index.nearest(c.name, n * 3)) {
    const t = h.entry.value.concept;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    candidates.push({ id: t.id, name: t.name, rank: normRank(t.rank), distance: h.distance });
    if (candidates.length === n) break;
  }
  const close = candidates.some((x) => x.distance <= 3);
  return {
    cmsId: c.id, citesId: null, relation: 'disjunct', basis: 'name',
    confidence: close ? 0.6 : 0.9, review: close,
    evidence: { cmsName: c.name, difference: 'no_counterpart', candidates },
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
