// The name lookups the alignment needs, behind one small interface so the
// name engine's own index can replace this one without touching the core.
// Pure: no I/O.
import { boundedLevenshtein } from '../names/normalise.js';
import { buildMatchIndex, parseCanonical } from '../names/index.js';
import { nameKey } from '../taxonomy/keys.js';

export interface NameEntry<T = unknown> {
  name: string;
  value: T;
}

/** How a query name met an entry: same canonical, same stemmed canonical (gender/spelling ending), or close spelling. */
export type HitKind = 'exact' | 'variant' | 'fuzzy';

export interface NameHit<T = unknown> {
  entry: NameEntry<T>;
  kind: HitKind;
  /** Edit distance between the canonical forms (0 for exact). */
  distance: number;
}

export interface NameIndex<T = unknown> {
  /** Hits of the best kind found (exact, else variant, else fuzzy when asked). */
  match(name: string, opts?: { fuzzy?: boolean }): NameHit<T>[];
  /** Up to `limit` nearest entries by edit distance, for "did you mean" lists. */
  nearest(name: string, limit: number): NameHit<T>[];
}

export type BuildNameIndex = <T>(entries: NameEntry<T>[]) => NameIndex<T>;

interface Keyed<T> { entry: NameEntry<T>; canon: string; stemmed: string; genus: string; epithetStem: string }

/** Canonical (lower-cased, accent-folded) and stemmed keys of a name; null when it is not a name. */
export function nameKeys(name: string): { canon: string; stemmed: string } | null {
  const c = parseCanonical(name.trim()) ?? parseCanonical(capitalise(name.trim()));
  if (!c) return null;
  return { canon: nameKey(c.simple), stemmed: nameKey(c.stemmed) };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** Exact and stemmed lookups by hash; fuzzy within the same genus or the same epithet stem. */
export const buildSimpleIndex: BuildNameIndex = <T>(entries: NameEntry<T>[]): NameIndex<T> => {
  const byCanon = new Map<string, Keyed<T>[]>();
  const byStem = new Map<string, Keyed<T>[]>();
  const byGenus = new Map<string, Keyed<T>[]>();
  const byEpithet = new Map<string, Keyed<T>[]>();
  const push = <K>(m: Map<K, Keyed<T>[]>, k: K, v: Keyed<T>) => { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); };
  for (const entry of entries) {
    const keys = nameKeys(entry.name);
    if (!keys) continue;
    const words = keys.stemmed.split(' ');
    const k: Keyed<T> = { entry, ...keys, genus: words[0], epithetStem: words.slice(1).join(' ') };
    push(byCanon, k.canon, k);
    push(byStem, k.stemmed, k);
    push(byGenus, k.genus, k);
    if (k.epithetStem) push(byEpithet, k.epithetStem, k);
  }

  const candidates = (stemmed: string): Keyed<T>[] => {
    const words = stemmed.split(' ');
    const pool = new Set<Keyed<T>>(byGenus.get(words[0]) ?? []);
    const ep = words.slice(1).join(' ');
    if (ep) for (const k of byEpithet.get(ep) ?? []) pool.add(k);
    return [...pool];
  };

  return {
    match(name, opts = {}) {
      const q = nameKeys(name);
      if (!q) return [];
      const exact = byCanon.get(q.canon);
      if (exact?.length) return exact.map((k) => ({ entry: k.entry, kind: 'exact' as const, distance: 0 }));
      const variant = byStem.get(q.stemmed);
      if (variant?.length) return variant.map((k) => ({ entry: k.entry, kind: 'variant' as const, distance: boundedLevenshtein(q.canon, k.canon, 3) }));
      if (!opts.fuzzy) return [];
      const words = q.canon.split(' ');
      if (words.length < 2) return []; // uninomials: too short to guess safely
      const max = q.canon.length >= 16 ? 2 : 1;
      const hits: NameHit<T>[] = [];
      // Same genus (epithet misspelt) or same epithet stem (genus misspelt).
      for (const k of candidates(q.stemmed)) {
        if (k.canon.split(' ').length !== words.length) continue;
        // Another genus is a different animal unless it is one typo away (Acrocephalus is not Arctocephalus).
        const limit = k.genus === q.stemmed.split(' ')[0] ? max : 1;
        const d = boundedLevenshtein(q.canon, k.canon, limit);
        if (d <= limit) hits.push({ entry: k.entry, kind: 'fuzzy', distance: d });
      }
      const best = Math.min(...hits.map((h) => h.distance));
      return hits.filter((h) => h.distance === best);
    },
    nearest(name, limit) {
      const q = nameKeys(name);
      if (!q) return [];
      return candidates(q.stemmed)
        .map((k) => ({ entry: k.entry, kind: 'fuzzy' as const, distance: boundedLevenshtein(q.canon, k.canon, 5) }))
        .filter((h) => h.distance <= 5)
        .sort((a, b) => a.distance - b.distance || a.entry.name.localeCompare(b.entry.name))
        .slice(0, limit);
    },
  };
};

/**
 * The name engine's MatchIndex behind the same interface: its exact, variant
 * (gender endings, y/i, doubled letters) and fuzzy levels decide; every entry
 * is indexed as its own name, so synonym semantics stay with the caller.
 * `nearest` (for "did you mean" lists) comes from the simple index.
 */
export const buildEngineIndex: BuildNameIndex = <T>(entries: NameEntry<T>[]): NameIndex<T> => {
  const engine = buildMatchIndex(entries.map((e, i) => ({ taxonId: String(i), scientificName: e.name, status: 'accepted' as const })));
  const simple = buildSimpleIndex(entries);
  return {
    match(name, opts = {}) {
      const r = engine.match(name);
      // An ambiguous result keeps its level only in its message ("VARIANT match is ambiguous ...").
      const level = r.matchType === 'AMBIGUOUS' ? /^(EXACT|VARIANT|FUZZY) match is ambiguous/.exec(r.warnings.at(-1) ?? '')?.[1] : r.matchType;
      if (level !== 'EXACT' && level !== 'VARIANT' && level !== 'FUZZY') return [];
      // A near spelling of a one-word name is another genus or family (Rallus is not Gallus).
      if (level === 'FUZZY' && (!opts.fuzzy || !r.canonical?.includes(' '))) return [];
      const kind: HitKind = level === 'EXACT' ? 'exact' : level === 'VARIANT' ? 'variant' : 'fuzzy';
      const q = r.canonical ? nameKey(r.canonical) : '';
      const seen = new Set<number>();
      const hits: NameHit<T>[] = [];
      for (const c of [r, ...r.alternatives]) {
        if (c.taxonId == null || seen.has(Number(c.taxonId))) continue;
        seen.add(Number(c.taxonId));
        const entry = entries[Number(c.taxonId)];
        hits.push({ entry, kind, distance: kind === 'exact' ? 0 : boundedLevenshtein(q, nameKey(c.matchedName ?? entry.name), 3) });
      }
      return hits;
    },
    nearest: (name, limit) => simple.nearest(name, limit),
  };
};
