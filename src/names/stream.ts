/** Streaming helpers: one result per input line, in input order. */
import type { MatchIndex, MatchOptions, MatchResult } from './matcher.js';
import { parseName } from './parser.js';
import type { ParsedName, ParseOptions } from './types.js';

function clean(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

export async function* parseStream(lines: AsyncIterable<string> | Iterable<string>, opts: ParseOptions = {}): AsyncGenerator<ParsedName> {
  for await (const line of lines) yield parseName(clean(line), opts);
}

export async function* matchStream(index: MatchIndex, lines: AsyncIterable<string> | Iterable<string>, opts: MatchOptions = {}): AsyncGenerator<MatchResult> {
  for await (const line of lines) yield index.match(clean(line), opts);
}
