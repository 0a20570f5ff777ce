// `concord status` as data: resolve the name, then each convention's status
// now (stored by the recompute) or on a date (computed from the log). The JSON
// shape is a contract: {query, on, cites: {taxon, listing, reasons}, cms: {...}}.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { resolveTaxon, type ResolvedTaxon } from './lookup.js';
import { rows, withAnnotations } from './repository.js';
import { statusOfConcept, today } from './recompute.js';
import { isIsoDate } from '../taxonomy/dates.js';
import { ENTRY_INTO_FORCE, type Convention, type Reason, type TaxonRef } from './types.js';
import { notYetInForce } from './status.js';
import { joinedColumns, joinedFields, statusView, type ConceptRef, type JoinedRow, type StatusView, type StoredStatus } from './current.js';
import type { JoinedRelation } from './joined.js';
import { coverage } from '../db/repositories/coverage.js';

export interface ConventionReport {
  /** The concept this convention's status comes from: found by the name itself, or through the taxon's concept link ('link', with its relation). */
  taxon: (ResolvedTaxon | (TaxonRef & { via: 'link'; relation: JoinedRelation })) | null;
  listing: string | null;
  appendices: string[];
  reasons: StatusView['reasons'];
  /** Why there is no status, when there is none to give (e.g. before the convention existed). */
  note?: string;
  /** The day the convention's data are complete to, and newer partial sources. */
  as_of?: { complete: string | null; source: string | null; partial: { source: string; as_of: string }[] };
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

/**
 * The taxon a name means and its status in both conventions, as every other
 * view gives it: a taxonomy where the name is found (accepted, synonym or
 * common name) answers for itself; otherwise the status comes through the
 * concept link of the taxon found (Panthera uncia: CMS through Uncia uncia,
 * the same taxon).
 */
export async function statusReport(q: Queryable, query: string, opts: { on?: string } = {}): Promise<StatusReport> {
  const now = today();
  const on = opts.on === undefined ? now : checkDate(opts.on, now);
  const name = query.trim();
  if (!name) throw new StatusProblem('give a taxon name (scientific, synonym or common name)');
  const { taxa, suggestions } = await resolveTaxon(q, name);
  if (!taxa.CITES && !taxa.CMS) {
    throw new StatusProblem(`no such taxon: '${name}'${suggestions.length ? `; nearest names: ${suggestions.join(', ')}` : ''}`, suggestions);
  }
  const primary = (taxa.CITES ?? taxa.CMS)!;
  const joined = joinedFields(await joinedRow(q, primary.id));
  const current = opts.on === undefined;
  const cover = await coverage(<T>(text: string) => rows<T>(q, sql.raw(text)));
  const asOf = (c: Convention) => ({ complete: cover[c].complete?.as_of ?? null, source: cover[c].complete?.source ?? null, partial: newestPerSource(cover[c].partial) });
  return {
    query: name, on, current,
    cites: { ...await conventionReport(q, 'CITES', taxa.CITES ?? linked(joined.cites_concept, primary), on, current), as_of: asOf('CITES') },
    cms: { ...await conventionReport(q, 'CMS', taxa.CMS ?? linked(joined.cms_concept, primary), on, current), as_of: asOf('CMS') },
  };
}

type Target = ConventionReport['taxon'];

/** The concept the taxon's joined status names for a convention it was not found in. */
function linked(ref: ConceptRef | null, primary: ResolvedTaxon): Target {
  if (!ref) return null;
  return ref.id === primary.id ? primary : { id: ref.id, name: ref.full_name, rank: '', via: 'link', relation: ref.relation };
}

async function joinedRow(q: Queryable, id: number): Promise<JoinedRow | null> {
  const [row] = await rows<JoinedRow>(q, sql.raw(`select ${joinedColumns('ts')} from taxon_status ts where ts.taxon_concept_id = ${Number(id)}`));
  return row ?? null;
}

async function conventionReport(q: Queryable, convention: Convention, taxon: Target, on: string, current: boolean): Promise<ConventionReport> {
  if (!taxon) return { taxon: null, listing: null, appendices: [], reasons: [], note: `not in the ${convention} taxonomy, and no concept link leads there` };
  const before = notYetInForce(convention, on);
  if (before) {
    return { taxon, listing: null, appendices: [], reasons: before.reasons, note: `${convention} entered into force on ${ENTRY_INTO_FORCE[convention]}` };
  }
  if (!taxon.rank) taxon = { ...taxon, rank: (await rankOf(q, taxon.id)) ?? '' };
  let stored = current ? await storedStatus(q, taxon.id, convention) : null;
  if (!stored) {
    const s = (await statusOfConcept(q, taxon.id, on))?.[convention];
    stored = { listing: s?.listing ?? null, appendices: s?.appendices ?? [], reasons: s?.reasons ?? [] };
  }
  const relation: JoinedRelation = taxon.via === 'link' ? taxon.relation : 'self';
  // A taxon covered through a higher taxon's listing takes its appendices, not its descendants' summary.
  const listing = relation === 'included_in' ? (stored.appendices.join('/') || null) : stored.listing;
  const fields = { ...joinedFields(null), [convention === 'CITES' ? 'cites_listing' : 'cms_listing']: listing, [convention === 'CITES' ? 'cites_concept' : 'cms_concept']: { id: taxon.id, full_name: taxon.name, relation } };
  const view = statusView(convention, fields, { ...stored, reasons: await withAnnotations(q, stored.reasons) });
  return { taxon, listing: view.listing, appendices: view.appendices, reasons: view.reasons };
}

async function rankOf(q: Queryable, id: number): Promise<string | null> {
  const [r] = await rows<{ rank: string }>(q, sql`select rank from taxon_concepts where id = ${id}`);
  return r?.rank ?? null;
}

/** The recompute's stored result; null when listings were never computed (then it is computed here). */
async function storedStatus(q: Queryable, id: number, convention: Convention): Promise<StoredStatus | null> {
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
    const via = c.taxon.via === 'name' ? '' : c.taxon.via === 'link' ? ` (through the concept link: ${c.taxon.relation.replace('_', ' ')})` : ` (${c.taxon.via} ${'matched' in c.taxon ? c.taxon.matched ?? r.query : r.query})`;
    lines.push(`${label}: ${c.listing ?? 'not listed'} — ${c.taxon.name} [${c.taxon.rank}, id ${c.taxon.id}]${via}`);
    if (c.as_of?.complete) lines.push(`  data as of ${c.as_of.complete} (${c.as_of.source})${c.as_of.partial.length ? `; newer for some taxa: ${c.as_of.partial.map((p) => `${p.source} ${p.as_of}`).join(', ')}` : ''}`);
    if (c.note) lines.push(`  ${c.note}`);
    for (const reason of c.reasons) {
      if (reason.kind === 'via') continue;
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

/** One line per source (the newest of its files; `partial` comes newest first). */
function newestPerSource(partial: { source: string; as_of: string }[]): { source: string; as_of: string }[] {
  const seen = new Set<string>();
  return partial.filter((p) => !seen.has(p.source) && seen.add(p.source)).map((p) => ({ source: p.source, as_of: p.as_of }));
}
