// Small helpers for the Checklist's summary strings ("I/II/NC").
export { isAboveSpecies } from '../taxonomy/ranks.js';
export { appendixOrder as summaryOrder } from '../taxonomy/conventions.js';

/** 'I/II/NC' -> ['I', 'II', 'NC']; null or '' -> []. */
export function summaryParts(listing: string | null | undefined): string[] {
  return listing ? listing.split('/').filter(Boolean) : [];
}

