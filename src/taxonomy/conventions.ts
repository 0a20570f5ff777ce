// The two conventions and their appendices: the one home of these words
// (the listing engine, the alignment, the API and the importers use them).

export const CONVENTIONS = ['CITES', 'CMS'] as const;
export type Convention = (typeof CONVENTIONS)[number];

/** Dates the conventions entered into force: nothing can be listed before them. */
export const ENTRY_INTO_FORCE: Record<Convention, string> = { CITES: '1975-07-01', CMS: '1983-11-01' };

/** The appendices of each convention; CMS Agreements and MOUs are instruments, not appendices. */
export const APPENDICES: Record<Convention, readonly string[]> = { CITES: ['I', 'II', 'III'], CMS: ['I', 'II'] };

const ORDER: Record<string, number> = { I: 0, II: 1, III: 2, NC: 3 };

/** Sort key of a summary part: I, II, III, NC, then anything else. */
export function appendixOrder(part: string): number {
  return ORDER[part] ?? 10;
}

/** Appendices in order (I, II, III), duplicates and blanks removed. */
export function sortAppendices(appendices: Iterable<string>): string[] {
  return [...new Set([...appendices].filter(Boolean))].sort((a, b) => appendixOrder(a) - appendixOrder(b) || a.localeCompare(b));
}

export function isAppendix(convention: Convention, value: string): boolean {
  return APPENDICES[convention].includes(value);
}

/** Whether the convention was in force on a day (YYYY-MM-DD). */
export function inForceOn(convention: Convention, date: string): boolean {
  return date >= ENTRY_INTO_FORCE[convention];
}
