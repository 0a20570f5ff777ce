// Small helpers for the Checklist's summary strings ("I/II/NC").

const ORDER: Record<string, number> = { I: 0, II: 1, III: 2, NC: 3 };

/** Sort key: I, II, III, NC, then CMS agreements. */
export function summaryOrder(part: string): number {
  return ORDER[part] ?? 10;
}

const SPECIES_AND_BELOW = new Set(['SPECIES', 'SUBSPECIES', 'VARIETY', 'FORM']);

/** Ranks whose summary is folded from their descendants (genus and up). */
export function isAboveSpecies(rank: string): boolean {
  return !SPECIES_AND_BELOW.has(rank.toUpperCase());
}

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
