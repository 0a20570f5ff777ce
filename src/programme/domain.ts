// Words of the work programme tracker, and the rules on them that need no database.
export const PROGRESS_STATUSES = ['planned', 'ongoing', 'completed', 'discontinued'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];
export const PROGRAMME_STATUSES = ['draft', 'active', 'closed'] as const;
export const CURATION_DECISIONS = ['confirm', 'reject', 'replace'] as const;
export type CurationDecision = (typeof CURATION_DECISIONS)[number];
export const RELATIONS = ['equal', 'includes', 'included_in', 'overlaps', 'disjunct'] as const;

/** Today's date in UTC as YYYY-MM-DD. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Why a progress entry's date is not acceptable, or null when it is. */
export function checkProgressDate(date: string, today = todayUtc()): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return `a date as YYYY-MM-DD, got '${date}'`;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) return `a real calendar date, got '${date}'`;
  if (date > today) return `a date that is not in the future (today is ${today}), got '${date}'`;
  return null;
}

/** Activity codes as the document writes them: a theme letter and a number ('B15'). */
export function normaliseActivityCode(code: string): string | null {
  const m = /^\s*([A-Za-z])\s*\.?\s*(\d{1,2})\s*$/.exec(code);
  return m ? `${m[1].toUpperCase()}${Number(m[2])}` : null;
}
