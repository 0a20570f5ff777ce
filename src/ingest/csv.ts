// Streaming CSV reading shared by the importers: gzip, strict UTF-8, header
// checks and line numbers, so every reject can name file, line and field.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { parse, type Options as CsvOptions } from 'csv-parse';
import { ImportRefused } from './errors.js';

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export interface ReadCsvOptions {
  /** Columns that must be present (in any order unless `exactOrder`). */
  required?: string[];
  /** Delimiter; 'auto' picks ',' or ';' from the header line. Default ','. */
  delimiter?: string | 'auto';
  /** Called with bytes read so far, for progress bars. */
  onBytes?: (bytesRead: number) => void;
  /** Extra csv-parse options (e.g. record_delimiter for CR-only files). */
  csv?: CsvOptions;
  /** Display name used in messages (defaults to the file's base name). */
  displayName?: string;
}

/**
 * Raw byte stream of a file, gunzipped when it ends with .gz. Errors (missing
 * file, truncated gzip) are emitted on the returned stream as ImportRefused.
 */
export function openBytes(file: string, onBytes?: (n: number) => void): Readable {
  const name = path.basename(file);
  const raw = fs.createReadStream(file);
  if (onBytes) {
    let n = 0;
    raw.on('data', (chunk: Buffer | string) => { n += chunk.length; onBytes(n); });
  }
  if (!file.endsWith('.gz')) {
    const pass = new PassThrough();
    raw.on('error', (e) => pass.destroy(toRefusal(name, e)));
    return raw.pipe(pass);
  }
  const gunzip = zlib.createGunzip();
  raw.on('error', (e) => gunzip.destroy(toRefusal(name, e)));
  const out = new PassThrough();
  gunzip.on('error', (e) => out.destroy(e instanceof ImportRefused ? e
    : new ImportRefused(name, null, null, `a complete, valid gzip file (${(e as Error).message})`)));
  return raw.pipe(gunzip).pipe(out);
}

/** Fails on the first invalid UTF-8 byte sequence, naming the line it is on. */
export function strictUtf8(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
        cb(null, text);
      } catch {
        // Find the line of the bad bytes: count newlines in the valid prefix.
        let valid = 0;
        const lossy = new TextDecoder('utf-8').decode(chunk);
        const bad = lossy.indexOf('\ufffd');
        for (let i = 0; i < bad; i++) if (lossy.charCodeAt(i) === 10) valid++;
        cb(new ImportRefused(file, line + valid, null, 'valid UTF-8 text (found an invalid byte sequence)'));
      }
    },
    flush(cb) {
      try { decoder.decode(); cb(); } catch { cb(new ImportRefused(file, line, null, 'valid UTF-8 text (file ends inside a character)')); }
    },
  });
}

/** Stream the records of a CSV file with their line numbers. */
export async function* readCsv(file: string, opts: ReadCsvOptions = {}): AsyncGenerator<CsvRecord> {
  const name = opts.displayName ?? path.basename(file);
  const delimiter = opts.delimiter === 'auto' ? await sniffDelimiter(file) : (opts.delimiter ?? ',');
  const parser = parse({
    bom: true,
    delimiter,
    columns: (header: string[]) => checkHeader(name, header.map((h) => h.trim()), opts.required ?? []),
    info: true,
    // csv-parse counts a CRLF inside a quoted field as two lines; we count
    // line breaks in each raw record ourselves so reject lines point right.
    raw: true,
    relax_column_count: false,
    skip_empty_lines: true,
    ...opts.csv,
  });
  const bytes = openBytes(file, opts.onBytes);
  const text = strictUtf8(name);
  bytes.on('error', (e) => parser.destroy(e));
  text.on('error', (e) => parser.destroy(e));
  bytes.pipe(text).pipe(parser);
  let seen = 0;
  let line = 2; // the header is line 1
  try {
    for await (const rec of parser as AsyncIterable<{ record: Record<string, string>; raw: string }>) {
      seen++;
      yield { line, values: rec.record };
      line += lineBreaks(rec.raw);
    }
  } catch (e) {
    throw toRefusal(name, e);
  }
  if (seen === 0) throw new ImportRefused(name, null, null, 'at least one data row (the file is empty)');
}

/** Line breaks in a raw record: CRLF, lone CR (old Mac files) or LF each count once. */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function checkHeader(file: string, header: string[], required: string[]): string[] {
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
    throw new ImportRefused(file, 1, null, 'a header line (the file is empty)');
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new ImportRefused(file, 1, missing[0], `header columns ${required.join(', ')}; missing ${missing.join(', ')}`);
  }
  return header;
}

function toRefusal(file: string, e: unknown): Error {
  if (e instanceof ImportRefused) return e;
  const err = e as { code?: string; lines?: number; message?: string; column?: string | number };
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportRefused(file, err.lines ?? null, null, 'a closing quote (quotes are unbalanced)');
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || err.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
    return new ImportRefused(file, err.lines ?? null, null, `as many fields as the header (${err.message})`);
  }
  if (err.code?.startsWith('CSV_')) return new ImportRefused(file, err.lines ?? null, err.column != null ? String(err.column) : null, `well-formed CSV (${err.message})`);
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new ImportRefused(file, null, null, 'an existing file');
  if ((err as { code?: string }).code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
    return new ImportRefused(file, null, null, 'a complete gzip file (it is truncated)');
  }
  return e as Error;
}

async function sniffDelimiter(file: string): Promise<string> {
  for await (const chunk of openBytes(file)) {
    const first = chunk.toString('utf8').split(/\r?\n|\r/)[0] ?? '';
    return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  }
  return ',';
}

/** Split "a, b,c" lists as the Checklist writes them. */
export function splitList(value: string | undefined, sep = ','): string[] {
  if (!value) return [];
  return value.split(sep).map((s) => s.trim()).filter(Boolean);
}
