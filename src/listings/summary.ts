// Small helpers for the Checklist's summary strings ("I/II/NC").
export { isAboveSpecies } from '../taxonomy/ranks.js';
export { appendixOrder as summaryOrder } from '../taxonomy/conventions.js';

/** 'I/II/NC' -> ['I', 'II', 'NC']; null or '' -> []. */
export function summaryParts(listing: string | null | undefined): string[] {
  return listing ? listing.split('/').filter(Boolean) : [];
}

/** Whether a date string is a real calendar day in YYYY-MM-DD form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
