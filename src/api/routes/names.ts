// /api/v1/names/parse and /names/match: the name engine over HTTP. A body is a
// JSON array of names or a text/csv body (one name a line, or a column
// named name / scientificName); at most 10,000 names a request.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, csvHeader, toCsvRow } from '../../names/index.js';
import { problems } from '../problems.js';
import { problemResponses } from '../schemas.js';
import { wantsCsv } from '../http.js';
import { MatchIndexCache } from '../services/matchIndex.js';
import { acceptedIds, presentMatch, presentParsed, parsedSchema, matchSchema } from '../presenters/names.js';
import { currentListings } from '../../db/repositories/listings.js';

export const MAX_NAMES = 10_000;

const bodySchema = {
  description: `A JSON array of up to ${MAX_NAMES} name strings; or a text/csv body (one name a line, or a header with a name or scientificName column)`,
  type: 'array', items: { type: 'string', maxLength: 1000 },
} as const;

const query = {
  type: 'object', additionalProperties: false,
  properties: {
    format: { type: 'string', enum: ['json', 'csv'] },
    taxonomy: { type: 'string', enum: ['CITES', 'CMS'], description: 'Prefer this taxonomy when a name is in both (match only)' },
  },
} as const;

export default async function names(app: FastifyInstance) {
  // A CSV body becomes the same array of names a JSON body is.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: 16 * 1024 * 1024 }, (_req, body, done) => {
    try { done(null, csvNames(String(body))); } catch (e) { done(e as Error, undefined); }
  });
  const cache = new MatchIndexCache(app.database);

  app.post<{ Body: string[]; Querystring: { format?: 'json' | 'csv' } }>('/api/v1/names/parse', {
    schema: { tags: ['names'], summary: 'Parse scientific names (canonical forms, authorship, rank, quality)', querystring: query, body: bodySchema, response: { 200: { type: 'array', items: parsedSchema }, ...problemResponses } },
  }, async (req, reply) => {
    const list = namesOf(req);
    const results = list.map((n) => parse(n));
    if (wantsCsv(req, req.query.format)) return reply.type('text/csv; charset=utf-8').serializer((x: string) => x).send([csvHeader('parse'), ...results.map(toCsvRow)].join('\r\n') + '\r\n');
    return results.map(presentParsed);
  });

  app.post<{ Body: string[]; Querystring: { format?: 'json' | 'csv'; taxonomy?: string } }>('/api/v1/names/match', {
    schema: { tags: ['names'], summary: "Match names against the database's CITES and CMS names (exact, variant, fuzzy, partial)", querystring: query, body: bodySchema, response: { 200: { type: 'array', items: matchSchema }, ...problemResponses } },
  }, async (req, reply) => {
    const list = namesOf(req);
    const index = await cache.get();
    const results = list.map((n) => index.match(n, { taxonomy: req.query.taxonomy }));
    if (wantsCsv(req, req.query.format)) return reply.type('text/csv; charset=utf-8').serializer((x: string) => x).send([csvHeader('match'), ...results.map(toCsvRow)].join('\r\n') + '\r\n');
    // Every result's listings in one query.
    const listings = await currentListings(app.database, acceptedIds(results));
    return results.map((m) => presentMatch(m, listings));
  });
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
