// Small helpers the routes share: pagination headers, dates, CSV negotiation.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { problems } from './problems.js';

/** Set Total-Count and an RFC 8288 Link header (first, prev, next, last) for a page. */
export function setPageHeaders(req: FastifyRequest, reply: FastifyReply, p: { page: number; perPage: number; total: number }): void {
  const last = Math.max(1, Math.ceil(p.total / p.perPage));
  const url = new URL(req.url, 'http://localhost');
  const link = (page: number, rel: string) => {
    url.searchParams.set('page', String(page));
    url.searchParams.set('per_page', String(p.perPage));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (p.page > 1) links.push(link(Math.min(p.page - 1, last), 'prev'));
  if (p.page < last) links.push(link(p.page + 1, 'next'));
  links.push(link(last, 'last'));
  reply.header('Total-Count', String(p.total)).header('Link', links.join(', '));
}

/** A calendar date YYYY-MM-DD that exists (2023-02-30 does not). */
export function parseDate(value: string, parameter: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || +m[1] < 1 || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw problems.badRequest(`'${parameter}' must be a date YYYY-MM-DD, got '${value.slice(0, 40)}'`, parameter);
  }
  return value;
}

/** An ISO 8601 date or date-time (no zone = UTC). */
export function parseInstant(value: string, parameter: string): Date {
  const ok = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value) && value.length > 10;
  const d = ok ? new Date(value.length === 10 ? `${value}T00:00:00Z` : hasZone ? value : `${value.replace(' ', 'T')}Z`) : null;
  const year = d ? d.getUTCFullYear() : 0;
  if (!d || Number.isNaN(d.getTime()) || year < 1 || year > 9999) {
    throw problems.badRequest(`'${parameter}' must be an ISO 8601 date or date-time such as 2024-01-31 or 2024-01-31T12:00:00Z, got '${value.slice(0, 40)}'`, parameter);
  }
  return d;
}

/** CSV when asked by ?format=csv or an Accept header preferring text/csv. */
export function wantsCsv(req: FastifyRequest, format: string | undefined): boolean {
  if (format) return format === 'csv';
  const accept = req.headers.accept ?? '';
  return /\btext\/csv\b/.test(accept) && !/\bapplication\/json\b/.test(accept.split('text/csv')[0]);
}

/**
 * A JSON answer as it goes on the wire: serialised once by the route's own
 * response schema, with the ETag @fastify/etag would give it. Kept in the read
 * cache, a hit costs neither serialisation nor hashing.
 */
export interface WireJson { body: string; etag: string }

export function toWire(reply: FastifyReply, value: unknown): WireJson {
  const body = reply.serializeInput(value as Record<string, unknown>, '200') as string;
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64')}"` };
}

/** Send a kept answer as it is (a string payload with a JSON type is not serialised again). */
export function sendWire(reply: FastifyReply, wire: WireJson): string {
  reply.header('etag', wire.etag).type('application/json; charset=utf-8');
  return wire.body;
}
