// /api/v1/names/parse and /names/match: the name engine over HTTP. A body is a
// JSON array of names or a text/csv body (one name a line, or a column
// named name / scientificName); at most 10,000 names a request. Matching and
// the parsing of large batches run in the worker pool (../services/namePool.ts);
// a full queue answers 503 with Retry-After. Large answers are written in
// chunks, one event-loop turn each, so other routes keep answering.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, csvHeader, csvLine, HIGHER_RANKS, type MatchContext } from '../../names/index.js';
import { parseCsvFields } from '../../names/csv.js';
import { problems } from '../problems.js';
import { problemResponses } from '../schemas.js';
import { wantsCsv } from '../http.js';
import { MatchIndexCache } from '../services/matchIndex.js';
import { NamePool, PoolBusy } from '../services/namePool.js';
import { presentParsed, parsedSchema, matchSchema, withListings } from '../presenters/names.js';
import { currentListings } from '../../db/repositories/listings.js';

export const MAX_NAMES = 10_000;
/** Batches up to this size are parsed on the event loop (a worker round trip costs more). */
const PARSE_INLINE = 200;
/** Results serialised per event-loop turn. */
const WRITE_CHUNK = 250;

const bodySchema = {
  description: `A JSON array of up to ${MAX_NAMES} name strings (scientific or common names); or a text/csv body (one name a line, or a header with a name or scientificName column)`,
  type: 'array', items: { type: 'string', maxLength: 1000 },
} as const;

const contextProps = Object.fromEntries(HIGHER_RANKS.map((r) => [r, {
  type: 'string', maxLength: 100, description: `The ${r} the names belong to: a match in another ${r} is marked down and warned about (match only)`,
}]));

const query = {
  type: 'object', additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'csv'] },
    taxonomy: { type: 'string', enum: ['CITES', 'CMS'], description: 'Prefer this taxonomy when a name is in both (match only)' },
    ...contextProps,
  },
} as const;

type Query = { format?: 'json' | 'csv'; taxonomy?: string } & MatchContext;

const busyResponse = { 503: { $ref: 'Problem#', description: 'The name engine is busy: retry after the Retry-After header\'s seconds' } } as const;

export default async function names(app: FastifyInstance) {
  // A CSV body becomes the same array of names a JSON body is.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 16 * 1024 * 1024 }, (_req, body, done) => {
    try { done(null, csvNames(String(body))); } catch (e) { done(e as Error, undefined); }
  });
  const cache = new MatchIndexCache(app.database);
  const pool = new NamePool();
  app.addHook('onClose', async () => { cache.close(); await pool.close(); });

  app.post<{ Body: string[]; Querystring: Query }>('/api/v1/names/parse', {
    schema: { tags: ['names'], summary: 'Parse scientific names (canonical forms, authorship, rank, quality)', querystring: query, body: bodySchema, response: { 200: { type: 'array', items: parsedSchema }, ...problemResponses, ...busyResponse } },
  }, async (req, reply) => {
    const list = namesOf(req);
    const csv = wantsCsv(req, req.query.format);
    const rows = list.length <= PARSE_INLINE
      ? list.map((n) => { const p = parse(n); return csv ? csvLine(parseCsvFields(p)) : JSON.stringify(presentParsed(p)); })
      : await busy(reply, () => pool.parse(list, csv ? 'csv' : 'json'));
    return send(reply, csv, csv ? csvHeader('parse') : null, rows.length, (i) => rows[i]);
  });

  app.post<{ Body: string[]; Querystring: Query }>('/api/v1/names/match', {
    schema: { tags: ['names'], summary: "Match scientific or common names against the database's CITES and CMS names (exact, variant, vernacular, fuzzy, partial), weighing the authors, saying why", querystring: query, body: bodySchema, response: { 200: { type: 'array', items: matchSchema }, ...problemResponses, ...busyResponse } },
  }, async (req, reply) => {
    const list = namesOf(req);
    const context = contextOf(req.query);
    const csv = wantsCsv(req, req.query.format);
    const data = await cache.get();
    // matched and serialised in the pool; here only every result's listings, in one query
    const matches = await busy(reply, () => pool.match(list, { taxonomy: req.query.taxonomy, context }, data, csv ? 'csv' : 'json'));
    const listings = await currentListings(app.database, [...new Set(matches.ids)].filter((id) => id > 0));
    const rows = withListings(matches, listings, csv);
    return send(reply, csv, csv ? csvHeader('match') : null, rows.count, rows.row);
  });
}

/** Run pool work; a full queue becomes 503 with Retry-After. */
async function busy<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof PoolBusy)) throw e;
    reply.header('Retry-After', String(e.retryAfter));
    throw problems.unavailable(e.message, e.retryAfter);
  }
}

/**
 * A JSON array or CSV of `n` rows. Small answers go in one piece; large ones
 * as a stream written WRITE_CHUNK rows a turn (the compressor then streams too).
 */
function send(reply: FastifyReply, csv: boolean, header: string | null, n: number, row: (i: number) => string) {
  reply.type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').serializer((x: unknown) => x as string);
  const [open, sep, close] = csv ? ['', '\r\n', n ? '\r\n' : ''] : ['[', ',', ']'];
  const head = csv && header !== null ? header + '\r\n' : '';
  if (n <= WRITE_CHUNK) return reply.send(head + open + Array.from({ length: n }, (_, i) => row(i)).join(sep) + close);
  async function* chunks() {
    yield head + open;
    for (let i = 0; i < n; i += WRITE_CHUNK) {
      const part: string[] = [];
      for (let j = i; j < Math.min(n, i + WRITE_CHUNK); j++) part.push(row(j));
      yield (i > 0 ? sep : '') + part.join(sep);
      await nextTurn();
    }
    yield close;
  }
  return reply.send(Readable.from(chunks(), { objectMode: false }));
}

function contextOf(q: Query): MatchContext | undefined {
  const c: MatchContext = {};
  for (const r of HIGHER_RANKS) if (q[r]) c[r] = q[r];
  return Object.keys(c).length ? c : undefined;
}

/** The names of a request body, checked against the limit. */
function namesOf(req: FastifyRequest): string[] {
  const list = (req.body as string[] | undefined) ?? [];
  if (list.length > MAX_NAMES) throw problems.tooLarge(`At most ${MAX_NAMES} names a request; this body has ${list.length}. Split it into several requests.`);
  return list;
}

function csvNames(text: string): string[] {
  let rows: string[][];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (e) {
    throw problems.badRequest(`The text/csv body is not valid CSV: ${(e as Error).message}`, 'body');
  }
  if (!rows.length) return [];
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = ['name', 'scientificname', 'scientific_name', 'verbatim'].map((h) => header.indexOf(h)).find((i) => i >= 0);
  return col === undefined ? rows.map((r) => r[0] ?? '') : rows.slice(1).map((r) => r[col] ?? '');
}
