// Ranks as Species+ spells them, highest first.
export const RANKS = [
  'KINGDOM', 'PHYLUM', 'CLASS', 'ORDER', 'FAMILY', 'SUBFAMILY', 'TRIBE', 'GENUS',
  'SPECIES', 'SUBSPECIES', 'VARIETY', 'FORM',
] as const;
export type Rank = (typeof RANKS)[number];

export const NAME_STATUSES = ['A', 'S', 'T', 'H', 'N'] as const;
export type NameStatus = (typeof NAME_STATUSES)[number];

export const DISTRIBUTION_TAGS = [
  'INTRODUCED', 'INTRODUCED (?)', 'REINTRODUCED', 'EXTINCT', 'EXTINCT (?)', 'DISTRIBUTION UNCERTAIN',
] as const;

export const CHANGE_TYPES = ['ADDITION', 'DELETION', 'RESERVATION', 'RESERVATION_WITHDRAWAL', 'EXCEPTION'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

export { CONVENTIONS, type Convention } from './conventions.js';

const INFRASPECIFIC = new Set<string>(['SUBSPECIES', 'VARIETY', 'FORM']);

/** Subspecies, variety, form. */
export function isInfraspecific(rank: string): boolean {
  return INFRASPECIFIC.has(rank.trim().toUpperCase());
}

/** Species and below: ranks whose names have a genus. */
export function isSpeciesOrBelow(rank: string): boolean {
  const r = rank.trim().toUpperCase();
  return r === 'SPECIES' || INFRASPECIFIC.has(r);
}

/** Ranks whose Checklist summary is folded from their descendants (genus and up). */
export function isAboveSpecies(rank: string): boolean {
  return !isSpeciesOrBelow(rank);
}

/** 'Species' / 'species' / 'SPECIES' -> 'SPECIES'; null when not a known rank. */
export function toRank(value: string): Rank | null {
  const r = value.trim().toUpperCase();
  return (RANKS as readonly string[]).includes(r) ? (r as Rank) : null;
}

export function rankIndex(rank: string): number {
  return (RANKS as readonly string[]).indexOf(rank);
}
