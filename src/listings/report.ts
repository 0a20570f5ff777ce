// `concord status` as data: resolve the name, then each convention's status
// now (stored by the recompute) or on a date (computed from the log). The JSON
// shape is a contract: {query, on, cites: {taxon, listing, reasons}, cms: {...}}.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { resolveTaxon, type ResolvedTaxon } from './lookup.js';
import { rows, withAnnotations } from './repository.js';
import { statusOfConcept, today } from './recompute.js';
import { isIsoDate } from './summary.js';
import { ENTRY_INTO_FORCE, type Convention, type Reason } from './types.js';

export interface ConventionReport {
  taxon: ResolvedTaxon | null;
  listing: string | null;
  appendices: string[];
  reasons: Reason[];
  /** Why there is no status, when there is none to give (e.g. before the convention existed). */
  note?: string;
}

export interface StatusReport { query: string; on: string; current: boolean; cites: ConventionReport; cms: ConventionReport }

/** A problem the user can fix: unknown name, bad date. */
export class StatusProblem extends Error {
  constructor(message: string, readonly suggestions: string[] = []) { super(message); }
}

/** Checks a --on value: a real day, not before CITES (1 July 1975), not in the future. */
export function checkDate(on: string, now = today()): string {
  if (!isIsoDate(on)) throw new StatusProblem(`--on must be a date as YYYY-MM-DD, got '${on}'`);
  if (on < ENTRY_INTO_FORCE.CITES) throw new StatusProblem(`${on} is before 1975-07-01, when CITES entered into force: nothing was listed then`);
  if (on > now) throw new StatusProblem(`${on} is in the future (today is ${now}): listings are known up to today only`);
  return on;
}

export async function statusReport(q: Queryable, query: string, opts: { on?: string } = {}): Promise<StatusReport> {
  const now = today();
  const on = opts.on === undefined ? now : checkDate(opts.on, now);
  const name = query.trim();
  if (!name) throw new StatusProblem('give a taxon name (scientific, synonym or common name)');
  const { taxa, suggestions } = await resolveTaxon(q, name);
  if (!taxa.CITES && !taxa.CMS) {
    throw new StatusProblem(`no such taxon: '${name}'${suggestions.length ? `; nearest names: ${suggestions.join(', ')}` : ''}`, suggestions);
  }
  const current = opts.on === undefined;
  return {
    query: name, on, current,
    cites: await conventionReport(q, 'CITES', taxa.CITES, on, current),
    cms: await conventionReport(q, 'CMS', taxa.CMS, on, current),
  };
}

async function conventionReport(q: Queryable, convention: Convention, taxon: ResolvedTaxon | null, on: string, current: boolean): Promise<ConventionReport> {
  if (!taxon) return { taxon: null, listing: null, appendices: [], reasons: [], note: `not in the ${convention} taxonomy` };
  if (on < ENTRY_INTO_FORCE[convention]) {
    return { taxon, listing: null, appendices: [], reasons: [], note: `${convention} entered into force on ${ENTRY_INTO_FORCE[convention]}` };
  }
  if (current) {
    const stored = await storedStatus(q, taxon.id, convention);
    if (stored) return { taxon, ...stored, reasons: await withAnnotations(q, stored.reasons) };
  }
  const s = await statusOfConcept(q, taxon.id, on);
  return { taxon, listing: s?.[convention].listing ?? null, appendices: s?.[convention].appendices ?? [], reasons: await withAnnotations(q, s?.[convention].reasons ?? []) };
}

/** The recompute's stored result; null when listings were never computed (then it is computed here). */
async function storedStatus(q: Queryable, id: number, convention: Convention): Promise<Omit<ConventionReport, 'taxon'> | null> {
  const [row] = await rows<{ listing: string | null; appendices: string[]; reasons: Reason[] }>(q, sql`
    select listing, appendices, reasons from taxon_listings where taxon_concept_id = ${id} and convention = ${convention}`);
  if (row) return { listing: row.listing, appendices: row.appendices, reasons: row.reasons };
  const [any] = await rows<{ n: number }>(q, sql`select 1 as n from taxon_listings limit 1`);
  return any ? { listing: null, appendices: [], reasons: [] } : null;
}

/** The report for people. */
export function formatStatus(r: StatusReport): string {
  const lines = [`${r.query} — ${r.current ? `status now (${r.on})` : `status on ${r.on}`}`];
  for (const [label, c] of [['CITES', r.cites], ['CMS', r.cms]] as const) {
    if (!c.taxon) { lines.push(`${label}: ${c.note ?? 'not in this taxonomy'}`); continue; }
    const via = c.taxon.via === 'name' ? '' : ` (${c.taxon.via} ${c.taxon.matched ?? r.query})`;
    lines.push(`${label}: ${c.listing ?? 'not listed'} — ${c.taxon.name} [${c.taxon.rank}, id ${c.taxon.id}]${via}`);
    if (c.note) lines.push(`  ${c.note}`);
    for (const reason of c.reasons) {
      const text = reason.kind === 'annotation' ? [reason.text, reason.en].filter(Boolean).join(': ') : reason.text;
      lines.push(`  - ${reason.kind}: ${oneLine(text)}`);
    }
  }
  return lines.join('\n');
}

const oneLine = (s: string) => {
  const t = s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
};
