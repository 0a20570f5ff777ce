// A name-engine worker thread (run by piscina, ./namePool.ts): matches and
// parses chunks of names off the server's event loop. Each worker keeps one
// match index, built from the shared index data of the version a task names.
import { buildMatchIndex, csvLine, parse, type MatchIndex, type MatchOptions, type MatchResult } from '../../names/index.js';
import { parseCsvFields } from '../../names/csv.js';
import { presentParsed } from '../presenters/names.js';
import { decodeIndexSource } from './matchIndex.js';

export type NameTask =
  | { op: 'match'; version: string; data: SharedArrayBuffer; names: string[]; opts: MatchOptions }
  | { op: 'parse'; names: string[]; format: 'json' | 'csv' };

let current: { version: string; index: MatchIndex } | undefined;

/** The index of a version, built here when this worker holds an older one. */
export function indexFor(version: string, data: SharedArrayBuffer): MatchIndex {
  if (!current || current.version !== version) {
    const source = decodeIndexSource(data);
    current = { version, index: buildMatchIndex(source.entries, source.vernaculars) };
  }
  return current.index;
}

/** Match results, or the parse results already serialised (JSON objects or CSV lines, one string each). */
export default function run(task: NameTask): MatchResult[] | string[] {
  if (task.op === 'parse') {
    return task.names.map((n) => {
      const p = parse(n);
      return task.format === 'csv' ? csvLine(parseCsvFields(p)) : JSON.stringify(presentParsed(p));
    });
  }
  const index = indexFor(task.version, task.data);
  return task.names.map((n) => index.match(n, task.opts));
}
