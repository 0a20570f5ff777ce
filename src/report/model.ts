// The implementation report, Annex-1 style: for each theme, each activity with
// its status and dates beside the results reported on it. Pure data.
export interface ReportResult { date: string; status: string; text: string; author: string; sharedFrom: string | null }
export interface ReportRow { code: string; heading: string | null; text: string; status: string; leadSecretariats: string[]; updatedAt: string; results: ReportResult[] }
export interface ReportTheme { code: string; title: string; rows: ReportRow[] }
export interface ImplementationReport {
  programme: { code: string; title: string; periodStart: number; periodEnd: number; status: string };
  generatedAt: string;
  themes: ReportTheme[];
  funding: { activityCode: string | null; amount: number; currency: string; donor: string; purpose: string; year: number | null }[];
}

/** Status counts per theme, for the summary line of each theme. */
export function statusCounts(rows: ReportRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** A result shared by several activities of one table row is printed once, under the first; the others point to it. */
export function resultsToPrint(row: ReportRow): { results: ReportResult[]; seeAlso: string[] } {
  const own = row.results.filter((r) => r.sharedFrom == null);
  const seeAlso = [...new Set(row.results.filter((r) => r.sharedFrom != null).map((r) => r.sharedFrom!))];
  return { results: own, seeAlso };
}
