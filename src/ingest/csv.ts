// Streaming CSV reading shared by the importers: gzip, strict UTF-8, header
// checks and line numbers, so every reject can name file, line and field.
// The records come from papaparse's core parser, fed chunk by chunk: on the
// 94 MB 2017 Checklist it reads 190 MB/s where csv-parse read 33 MB/s, a
// quarter of the whole import's CPU (bench/csv-readers.ts measures both).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PassThrough, Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
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
  /** Record delimiter; by default the first line break of the file ('\r\n', '\n' or '\r'). */
  recordDelimiter?: '\r\n' | '\n' | '\r';
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
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) line++;
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
  const bytes = openBytes(file, opts.onBytes);
  const text = strictUtf8(name); // TextDecoder drops a leading BOM
  bytes.on('error', (e) => text.destroy(e));
  bytes.pipe(text);
  let header: string[] | undefined;
  let seen = 0;
  try {
    for await (const { rows, lines } of csvRows(text, name, delimiter, opts.recordDelimiter)) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        const start = lines[r];
        if (row.length === 1 && row[0] === '') continue; // empty line
        if (!header) { header = checkHeader(name, row.map((h) => h.trim()), opts.required ?? []); continue; }
        if (row.length !== header.length) {
          throw new ImportRefused(name, start, null, `as many fields as the header (${header.length}), found ${row.length}`);
        }
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) values[header[i]] = own(row[i]);
        seen++;
        yield { line: start, values };
      }
    }
  } catch (e) {
    throw toRefusal(name, e);
  }
  if (!header) throw new ImportRefused(name, 1, null, 'a header line (the file is empty)');
  if (seen === 0) throw new ImportRefused(name, null, null, 'at least one data row (the file is empty)');
}

/**
 * The records of a text stream, a batch per chunk. A record cut by the end of
 * a chunk is carried over to the next; a quote error refuses the file at the
 * line of the record it is in.
 */
async function* csvRows(text: AsyncIterable<string>, name: string, delimiter: string, recordDelimiter?: string): AsyncGenerator<{ rows: string[][]; lines: number[] }> {
  let parser: Papa.Parser | undefined;
  let carried = '';
  let line = 1;
  const parse = (whole: string, last: boolean) => {
    parser ??= new Papa.Parser({ delimiter, newline: (recordDelimiter ?? firstLineBreak(whole)) as Papa.ParseConfig['newline'] });
    // A chunk may end between the CR and the LF of a CRLF: after a closing quote the parser
    // would read the lone CR as junk after the quote. Hold it back for the next chunk.
    const hold = !last && whole.endsWith('\r') ? '\r' : '';
    const input = hold ? whole.slice(0, -1) : whole;
    const res = parser.parse(input, 0, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    const lines = res.data.map((row) => { const at = line; line += 1 + lineBreaksIn(row); return at; });
    const quoteError = res.errors.find((e) => e.type === 'Quotes');
    if (quoteError) {
      const at = lines[quoteError.row ?? 0] ?? line;
      throw new ImportRefused(name, at, null, quoteError.code === 'MissingQuotes' ? 'a closing quote (quotes are unbalanced)' : 'a delimiter or line break after a closing quote');
    }
    carried = last ? '' : input.slice(res.meta.cursor) + hold;
    return { rows: res.data, lines };
  };
  for await (const chunk of text) {
    const batch = parse(carried + chunk, false);
    if (batch.rows.length) yield batch;
  }
  if (carried) yield parse(carried, true);
}

/** The record delimiter of a file: its first line break. */
function firstLineBreak(text: string): '\r\n' | '\n' | '\r' {
  const cr = text.indexOf('\r');
  const lf = text.indexOf('\n');
  if (cr < 0) return '\n';
  if (lf < 0 || cr < lf) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

/**
 * A field as a string of its own. The parser's fields are slices of the
 * chunk they were read from, and a slice keeps its whole chunk alive: an
 * importer holding a few fields of every row would hold the whole file. Also,
 * a chunk with one character beyond Latin-1 is stored two bytes a character,
 * and so is any copy of it. Re-decoding gives a compact string of its own
 * (measured: the Checklist's records hold 180 MB of heap, as with csv-parse,
 * instead of 297 MB, for 0.3 s more CPU).
 */
function own(field: string): string {
  return field.length < 13 ? field : Buffer.from(field, 'utf8').toString('utf8'); // V8 copies short slices anyway
}

function lineBreaksIn(row: string[]): number {
  let n = 0;
  for (const field of row) n += lineBreaks(field);
  return n;
}

/** Line breaks in a field: CRLF, lone CR (old Mac files) or LF each count once. */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

function checkHeader(file: string, header: string[], required: string[]): string[] {
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new ImportRefused(file, 1, missing[0], `header columns ${required.join(', ')}; missing ${missing.join(', ')}`);
  }
  return header;
}

function toRefusal(file: string, e: unknown): Error {
  if (e instanceof ImportRefused) return e;
  const err = e as { code?: string; message?: string };
  if (err.code === 'ENOENT') return new ImportRefused(file, null, null, 'an existing file');
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
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
