// Building full names and the higher-taxon columns from the 2013 files'
// parent chains. Pure: rows in, names out. Species rows carry only the
// epithet ('tatarica' under the genus Saiga); higher taxa are written in
// capitals (FELIDAE) and are normalised to Felidae.
import { rankIndex, type Rank } from '../../taxonomy/ranks.js';
import { capitalise } from './legacy.js';

export interface TreeRow {
  key: string;
  name: string;
  rank: Rank;
  parentKey: string | null;
}

export interface Resolved {
  fullName: string;
  /** Name of each ancestor (and self) by rank. */
  ranks: Partial<Record<Rank, string>>;
  depth: number;
}

export type Resolution = { ok: true; value: Resolved } | { ok: false; reason: string };

const MARKERS: Partial<Record<Rank, string>> = { VARIETY: 'var.', FORM: 'f.' };

/** The 2013 plant file calls its kingdom 'Flora'; Species+ and the Checklist say Plantae. */
const KINGDOMS: Record<string, string> = { flora: 'Plantae', fauna: 'Animalia' };

/** The name this rank contributes: capitalised higher taxon or the epithet as given. */
export function ownName(row: Pick<TreeRow, 'name' | 'rank'>): string {
  if (row.rank === 'KINGDOM') return KINGDOMS[row.name.trim().toLowerCase()] ?? capitalise(row.name);
  return rankIndex(row.rank) <= rankIndex('GENUS') ? capitalise(row.name) : row.name.trim().replace(/\s+/g, ' ');
}

/** Full name from the parent's full name and this row's epithet. */
export function joinName(parentFullName: string | null, row: Pick<TreeRow, 'name' | 'rank'>): string {
  const own = ownName(row);
  if (rankIndex(row.rank) <= rankIndex('GENUS') || !parentFullName) return own;
  const marker = MARKERS[row.rank];
  if (marker && !own.startsWith(marker)) return `${parentFullName} ${marker} ${own}`;
  return `${parentFullName} ${own}`;
}

/**
 * Resolve every row's full name through its parents, memoised; a row whose
 * parent is missing (or itself unresolved) gets a reason instead.
 */
export function resolveTree(rows: Map<string, TreeRow>, external?: (key: string) => Resolved | undefined): Map<string, Resolution> {
  const out = new Map<string, Resolution>();
  const visiting = new Set<string>();
  const resolve = (key: string): Resolution => {
    const done = out.get(key);
    if (done) return done;
    const row = rows.get(key);
    if (!row) {
      const ext = external?.(key);
      return ext ? { ok: true, value: ext } : { ok: false, reason: `the parent ${key} is not in the file` };
    }
    if (visiting.has(key)) return { ok: false, reason: `a parent chain without cycles (${key} is its own ancestor)` };
    visiting.add(key);
    let result: Resolution;
    if (!row.parentKey) {
      result = { ok: true, value: { fullName: joinName(null, row), ranks: { [row.rank]: ownName(row) }, depth: 0 } };
    } else {
      const parent = resolve(row.parentKey);
      if (!parent.ok) {
        result = { ok: false, reason: parent.reason.startsWith('the parent') && rows.has(row.parentKey) ? `the parent ${row.parentKey}, which was rejected` : parent.reason };
      } else {
        const fullName = joinName(parent.value.fullName, row);
        result = { ok: true, value: { fullName, ranks: { ...parent.value.ranks, [row.rank]: rankIndex(row.rank) <= rankIndex('GENUS') ? ownName(row) : fullName }, depth: parent.value.depth + 1 } };
      }
    }
    visiting.delete(key);
    out.set(key, result);
    return result;
  };
  for (const key of rows.keys()) resolve(key);
  return out;
}
