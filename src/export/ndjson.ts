// NDJSON export: one taxon concept a line, both conventions, every fact with
// its provenance (the same shape as GET /api/v1/taxa/{id}, without import_runs).
import { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import { presentTaxonDetail } from '../presenters/taxa.js';
import { currentStatus } from '../presenters/status.js';
import { streamTaxa } from './taxa.js';

export async function* ndjsonLines(database: Database): AsyncGenerator<string> {
  for await (const row of streamTaxa(database)) {
    const { import_runs: _runs, ...doc } = presentTaxonDetail(row, { CITES: currentStatus(row, 'CITES'), CMS: currentStatus(row, 'CMS') }, []);
    yield `${JSON.stringify(doc)}\n`;
  }
}

export function ndjsonStream(database: Database): Readable {
  return Readable.from(batchLines(ndjsonLines(database)), { objectMode: false });
}

/** Join lines into ~64 KB chunks: fewer, larger writes. */
export async function* batchLines(lines: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buf = '';
  for await (const l of lines) {
    buf += l;
    if (buf.length >= size) { yield buf; buf = ''; }
  }
  if (buf) yield buf;
}
