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

export const CONVENTIONS = ['CITES', 'CMS'] as const;
export type Convention = (typeof CONVENTIONS)[number];

/** 'Species' / 'species' / 'SPECIES' -> 'SPECIES'; null when not a known rank. */
export function toRank(value: string): Rank | null {
  const r = value.trim().toUpperCase();
  return (RANKS as readonly string[]).includes(r) ? (r as Rank) : null;
}

export function rankIndex(rank: string): number {
  return (RANKS as readonly string[]).indexOf(rank);
}
