// Sync client for the Species+ API v1: pages of taxon_concepts (by Link
// rel="next", Total-Count as a check), updated_since from the last successful
// sync, X-Authentication-Token, optional per-taxon details (distributions,
// cites_legislation, references). One import run, one transaction: a failed
// request leaves the database as it was. active:false becomes a tombstone.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meta } from '../../db/schema.js';
import { ImportRefused } from '../errors.js';
import { runImport, type ImportContext, type ImportSummary, type Importer } from '../run.js';
import { applyResponse, classify, type SppTaxonConcept } from '../formats/speciesplus-api.js';

export const SPECIESPLUS_API = 'https://api.speciesplus.net/api/v1';

export interface SyncOptions {
  token: string;
  baseUrl?: string;
  taxonomy?: 'CITES' | 'CMS';
  /** Only concepts changed since then; default: the last successful sync of this taxonomy (none: everything). */
  updatedSince?: string;
  /** Only this name (Species+ `name` filter). */
  name?: string;
  /** Also fetch distributions, CITES legislation (all scopes) and references of every concept. */
  details?: boolean;
  perPage?: number;
  /** Stop after this many pages (a bounded sync). */
  maxPages?: number;
  fetch?: typeof fetch;
  log?: (line: string) => void;
  progress?: boolean;
}

const metaKey = (taxonomy: string) => `speciesplus.sync.${taxonomy}`;

export async function lastSync(database: Database, taxonomy: string): Promise<string | null> {
  const [row] = await database.query<{ value: { startedAt?: string } | null }>(`select value from meta where key = $1`, [metaKey(taxonomy)]);
  return row?.value?.startedAt ?? null;
}

export async function syncSpeciesplus(database: Database, opts: SyncOptions): Promise<ImportSummary> {
  const baseUrl = (opts.baseUrl ?? SPECIESPLUS_API).replace(/\/$/, '');
  const taxonomy = opts.taxonomy ?? 'CITES';
  const since = opts.updatedSince ?? (opts.name ? undefined : (await lastSync(database, taxonomy)) ?? undefined);
  const startedAt = new Date().toISOString();
  const importer: Importer = {
    format: 'speciesplus-sync',
    description: 'Species+ API v1, live',
    // A live answer is as of the day it is read.
    asOf: () => startedAt.slice(0, 10),
    run: (ctx) => runSync(ctx, { ...opts, baseUrl, taxonomy, updatedSince: since, startedAt }),
  };
  return runImport(database, importer, `${new URL(baseUrl).host}/taxon_concepts?taxonomy=${taxonomy}`, { progress: opts.progress ?? false });
}

async function runSync(ctx: ImportContext, o: SyncOptions & { baseUrl: string; taxonomy: string; startedAt: string }): Promise<void> {
  const get = requester(ctx, o);
  const first = new URL(`${o.baseUrl}/taxon_concepts.json`);
  if (o.taxonomy !== 'CITES') first.searchParams.set('taxonomy', o.taxonomy); // CITES is the API's default
  first.searchParams.set('page', '1');
  first.searchParams.set('per_page', String(o.perPage ?? 500));
  if (o.updatedSince) first.searchParams.set('updated_since', o.updatedSince);
  if (o.name) first.searchParams.set('name', o.name);
  let next: string | null = first.toString();
  let pages = 0;
  let seen = 0;
  let total: number | null = null;
  while (next && (o.maxPages === undefined || pages < o.maxPages)) {
    const res = await get(next);
    pages++;
    const body = res.body as { taxon_concepts?: SppTaxonConcept[] };
    total ??= res.total;
    await applyResponse(ctx, classify(next, body), pages);
    const taxa = body.taxon_concepts ?? [];
    seen += taxa.length;
    if (o.details) for (const t of taxa) if (t.active !== false) await fetchDetails(ctx, get, o, t.id, pages);
    o.log?.(`page ${pages}: ${taxa.length} taxon concepts${total != null ? ` (${seen} of ${total})` : ''}`);
    next = res.next;
  }
  if (!next && total != null && seen !== total && o.maxPages === undefined) {
    throw new ImportRefused(ctx.fileName, null, 'Total-Count', `${total} taxon concepts as the server announced; the pages held ${seen}`);
  }
  ctx.note(`${pages} page(s), ${seen} taxon concepts${o.updatedSince ? ` updated since ${o.updatedSince}` : ''}${next ? '; stopped at --max-pages, more remain' : ''}`);
  // Only a complete sync moves the starting point of the next one.
  if (!next && !o.name) {
    await ctx.tx.insert(meta).values({ key: metaKey(o.taxonomy), value: { startedAt: o.startedAt, pages, taxa: seen } })
      .onConflictDoUpdate({ target: meta.key, set: { value: { startedAt: o.startedAt, pages, taxa: seen }, updatedAt: sql`now()` } });
  }
}

async function fetchDetails(ctx: ImportContext, get: Requester, o: SyncOptions & { baseUrl: string; taxonomy: string }, id: number, line: number) {
  const paths = ['distributions.json', 'references.json', ...(o.taxonomy === 'CITES' ? ['cites_legislation.json?scope=all'] : [])];
  for (const p of paths) {
    const url = `${o.baseUrl}/taxon_concepts/${id}/${p}`;
    const res = await get(url);
    await applyResponse(ctx, classify(url, res.body), line);
  }
}

type Requester = (url: string) => Promise<{ body: unknown; next: string | null; total: number | null }>;

/** GET with the token; JSON or a refusal naming the URL and status. */
function requester(ctx: ImportContext, o: SyncOptions): Requester {
  const doFetch = o.fetch ?? fetch;
  return async (url) => {
    let res: Response;
    try {
      res = await doFetch(url, { headers: { 'X-Authentication-Token': o.token, Accept: 'application/json' }, signal: AbortSignal.timeout(60_000) });
    } catch (e) {
      throw new ImportRefused(url, null, null, `a reachable Species+ API (${(e as Error).message})`);
    }
    if (res.status === 401 || res.status === 403) throw new ImportRefused(url, null, 'X-Authentication-Token', `a valid Species+ token (HTTP ${res.status})`);
    if (!res.ok) throw new ImportRefused(url, null, null, `HTTP 200, got ${res.status}`);
    let body: unknown;
    try { body = await res.json(); } catch (e) { throw new ImportRefused(url, null, null, `a JSON body (${(e as Error).message})`); }
    const total = res.headers.get('total-count');
    return { body, next: nextLink(res.headers.get('link'), url), total: total != null && /^\d+$/.test(total) ? Number(total) : null };
  };
}

/** The rel="next" target of an RFC 8288 Link header, resolved against the request URL. */
export function nextLink(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,\s*(?=<)/)) {
    const m = /^<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (m && /\brel="?next"?/.test(m[2])) return new URL(m[1], base).toString();
  }
  return null;
}
