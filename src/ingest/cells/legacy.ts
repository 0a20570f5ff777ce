// Cells as the Species+ 2013 seed files write them: designations, ranks,
// legacy keys (RecID is unique only within a rank), capitalised higher
// taxa, 'NULL' for empty, ISO code lists. Pure.
import { toRank, type Rank } from '../../taxonomy/ranks.js';
import type { Convention } from '../../taxonomy/conventions.js';

export type TaxonomyId = Convention;

/**
 * Which taxonomies a Species+ designation names. The 2013 CITES taxonomy was
 * shared by CITES and the EU regulations ('CITES_EU'), so an EU-only name or
 * distribution belongs to the CITES taxonomy too.
 */
export function taxonomiesOf(designation: string | undefined): TaxonomyId[] {
  const parts = (designation ?? '').toUpperCase().split(',').map((s) => s.trim());
  const out: TaxonomyId[] = [];
  if (parts.some((p) => p.startsWith('CITES') || p === 'EU')) out.push('CITES');
  if (parts.some((p) => p.startsWith('CMS'))) out.push('CMS');
  return out;
}

/** Rank as written in the 2013 files ('SubFamily', 'Var', 'species ') -> RANK. */
export function legacyRank(value: string | undefined): Rank | null {
  const v = (value ?? '').trim().toUpperCase().replace(/\s+/g, '');
  if (v === 'VAR') return 'VARIETY';
  return toRank(v);
}

/**
 * The 2013 RecID is unique only within a rank (animal Class 41 and Species 41
 * are different taxa), so the legacy id carries the rank: 'A:SPECIES:219'.
 */
export function legacyKey(kingdom: 'A' | 'P', rank: Rank, recId: string): string {
  return `${kingdom}:${rank}:${recId.trim()}`;
}

/** Synonym rows have their own RecID space. */
export function legacySynonymKey(kingdom: 'A' | 'P', rank: Rank, recId: string): string {
  return `${kingdom}:SYN:${rank}:${recId.trim()}`;
}

/** 'A' for the animal files, 'P' for plants, from the file name. */
export function kingdomOfFile(fileName: string): 'A' | 'P' {
  return /plant/i.test(fileName) ? 'P' : 'A';
}

/** FELIDAE -> Felidae; names already in mixed case are kept. */
export function capitalise(name: string): string {
  const n = name.trim();
  if (n.length > 1 && n === n.toUpperCase() && /[A-Z]/.test(n)) return n[0] + n.slice(1).toLowerCase();
  return n;
}

/** Empty and the literal 'NULL' mean no value. */
export function clean(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' || v.toUpperCase() === 'NULL' ? null : v;
}

/** The 2013 seed files' facts are as of their last commit (2013-09-27, unepwcmc/SAPI; see SOURCE.txt). */
export const LEGACY_AS_OF = '2013-09-27';
export const legacyAsOf = (): string => LEGACY_AS_OF;

/** A YYYY-MM-DD day named in a path ('imports/2026-02-19/...', 'Index_..._2017-04-21 17-27.csv'), else null. */
export function dayInPath(file: string): string | null {
  const all = [...file.matchAll(/(?:19|20)\d\d-\d\d-\d\d/g)].map((m) => m[0]);
  return all.length ? all[all.length - 1] : null;
}
