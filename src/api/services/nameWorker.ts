// A name-engine worker thread (run by piscina, ./namePool.ts): matches and
// parses chunks of names off the server's event loop, and serialises the
// answers too (the main thread only fills in the listings). Each worker keeps
// one match index, built from the shared index data of the version a task names.
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { buildMatchIndex, csvLine, parse, type MatchIndex, type MatchOptions } from '../../names/index.js';
import { parseCsvFields } from '../../names/csv.js';
import { presentParsed, serialiseMatches, type SerialisedMatches } from '../presenters/names.js';
import { decodeIndexSource } from './matchIndex.js';
import { loadConfig } from '../../config.js';

export type NameTask =
  | { op: 'match'; version: string; data: SharedArrayBuffer; names: string[]; opts: MatchOptions; format: 'json' | 'csv' }
  | { op: 'parse'; names: string[]; format: 'json' | 'csv' };

// Batch work yields the CPU to the thread that answers every other route: on
// Linux a thread's nice value is its own (CONCORD_NAME_NICE, default 10; 0 keeps it).
if (!isMainThread) {
  const nice = loadConfig().nameNice;
  try { if (nice > 0) os.setPriority(nice); } catch { /* not permitted here: run at the default priority */ }
}

let current: { version: string; index: MatchIndex } | undefined;

/** The index of a version, built here when this worker holds an older one. */
export function indexFor(version: string, data: SharedArrayBuffer): MatchIndex {
  if (!current || current.version !== version) {
    const source = decodeIndexSource(data);
    current = { version, index: buildMatchIndex(source.entries, source.vernaculars) };
  }
  return current.index;
}

/** Match results serialised without their listings, or parse results serialised (JSON objects or CSV lines, one string each). */
export default function run(task: NameTask): SerialisedMatches | string[] {
  if (task.op === 'parse') {
    return task.names.map((n) => {
      const p = parse(n);
      return task.format === 'csv' ? csvLine(parseCsvFields(p)) : JSON.stringify(presentParsed(p));
    });
  }
  const index = indexFor(task.version, task.data);
  return serialiseMatches(task.names.map((n) => index.match(n, task.opts)), task.format === 'csv');
}
