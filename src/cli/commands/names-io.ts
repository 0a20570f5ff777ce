// Line input and buffered, back-pressured output shared by `parse` and `match`.
import fs from 'node:fs';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { once } from 'node:events';
import type { Command } from 'commander';

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

/** This file holds helpers, not a command. */
export function register(_program: Command): void { /* no command */ }
