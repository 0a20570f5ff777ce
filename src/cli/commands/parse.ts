// `concord parse [FILE]`: one scientific name a line (stdin when no FILE) ->
// canonical forms, authorship, rank, quality; streamed line by line, so a
// million names never sit in memory.
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { once } from 'node:events';
import type { Command } from 'commander';
import { csvHeader, parseStream, toCsvRow } from '../../names/index.js';
import { fail } from '../shared.js';

// Line input and buffered, back-pressured output, shared with `match`.
export const NAME_FORMATS = ['jsonl', 'csv'] as const;
export type NameFormat = (typeof NAME_FORMATS)[number];

/** Lines of FILE (gunzipped when .gz) or of stdin; a message when the file cannot be read. */
export function inputLines(file: string | undefined): AsyncIterable<string> | string {
  let input: NodeJS.ReadableStream = process.stdin;
  if (file && file !== '-') {
    try { fs.accessSync(file, fs.constants.R_OK); } catch { return `${file}: no such readable file`; }
    input = fs.createReadStream(file);
    if (file.endsWith('.gz')) input = input.pipe(zlib.createGunzip());
  }
  return readline.createInterface({ input, crlfDelay: Infinity });
}

/** Writes lines in chunks and waits when the reader is slower (a pipe to `head`, a slow disk). */
export class StreamOut {
  private buf: string[] = [];
  private size = 0;
  private closed = false;
  constructor(private readonly out: NodeJS.WritableStream & { on?: unknown }) {
    // `concord parse big.txt | head` closes the pipe early: stop quietly.
    (out as NodeJS.WriteStream).on?.('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') this.closed = true; });
  }
  async line(text: string): Promise<void> {
    this.buf.push(text);
    this.size += text.length;
    if (this.size > 64 * 1024) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length || this.closed) { this.buf = []; this.size = 0; return; }
    const chunk = this.buf.join('\n') + '\n';
    this.buf = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out as NodeJS.WriteStream, 'drain');
  }
  async end(): Promise<void> { await this.flush(); }
}


export function register(program: Command): void {
  program.command('parse')
    .description('Parse scientific names, one a line (stdin when no FILE): canonical forms, authorship, rank, quality')
    .argument('[file]', 'text file of names, one a line (.gz accepted)')
    .option('--format <fmt>', NAME_FORMATS.join(' | '), 'jsonl')
    .action(async (file: string | undefined, opts: { format: string }) => {
      if (!(NAME_FORMATS as readonly string[]).includes(opts.format)) return fail(`--format must be one of ${NAME_FORMATS.join(', ')}; got '${opts.format}'`, 2);
      const lines = inputLines(file);
      if (typeof lines === 'string') return fail(lines, 2);
      const out = new StreamOut(process.stdout);
      const csv = (opts.format as NameFormat) === 'csv';
      if (csv) await out.line(csvHeader('parse'));
      for await (const p of parseStream(lines)) await out.line(csv ? toCsvRow(p) : JSON.stringify(p));
      await out.end();
    });
}
