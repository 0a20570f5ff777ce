// The pool of name-engine worker threads (piscina): matching, and parsing of
// large batches, run there in chunks so a 10,000-name batch never holds the
// event loop that serves every other route. The queue is bounded: when it is
// full the caller answers 503 with Retry-After instead of queueing without
// end. Threads: CONCORD_NAME_THREADS (default: the cores less one, 1 to 4;
// 0 = match on the event loop, for tools and tests that want no threads);
// queue: CONCORD_NAME_QUEUE chunks (default 200, 500 names a chunk).
import os from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { MatchOptions } from '../../names/index.js';
import type { SerialisedMatches } from '../presenters/names.js';
import type { IndexData } from './matchIndex.js';
import run, { type NameTask } from './nameWorker.js';
import { loadConfig } from '../../config.js';

export const CHUNK = 500;

/** The queue is full: retry after this many seconds. */
export class PoolBusy extends Error {
  constructor(readonly retryAfter: number, readonly queued: number) {
    super(`The name engine is busy (${queued} chunks of ${CHUNK} names queued); retry in ${retryAfter} s`);
  }
}

export interface PoolOptions { threads?: number; maxQueue?: number }

function defaultThreads(): number {
  const configured = loadConfig().nameThreads;
  if (configured !== undefined) return configured;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** Worker file and loader flags: under tsx or vitest the worker is TypeScript and needs tsx's loader. */
function workerSpec(): { filename: string; execArgv: string[] } {
  const here = import.meta.url;
  const ts = here.endsWith('.ts');
  const filename = new URL(ts ? './nameWorker.ts' : './nameWorker.js', here).href;
  if (!ts || process.execArgv.some((a) => a.includes('tsx'))) return { filename, execArgv: process.execArgv };
  const loader = pathToFileURL(createRequire(here).resolve('tsx')).href;
  return { filename, execArgv: [...process.execArgv, '--import', loader] };
}

export class NamePool {
  readonly threads: number;
  readonly maxQueue: number;
  private pool?: Piscina;
  /** Mean task time (ms), for Retry-After. */
  private taskMs = 20;

  constructor(opts: PoolOptions = {}) {
    this.threads = opts.threads ?? defaultThreads();
    this.maxQueue = opts.maxQueue ?? loadConfig().nameQueue;
    if (this.threads > 0) {
      const { filename, execArgv } = workerSpec();
      this.pool = new Piscina({
        filename, execArgv, minThreads: this.threads, maxThreads: this.threads, maxQueue: this.maxQueue,
        // the worker keeps its index: never retire an idle one
        idleTimeout: 2 ** 31 - 1, concurrentTasksPerWorker: 1,
      });
    }
  }

  /** Chunks queued and not yet started. */
  get queued(): number {
    return this.pool?.queueSize ?? 0;
  }

  private admit(chunks: number): void {
    if (!this.pool) return;
    const queued = this.pool.queueSize;
    if (queued + chunks > this.maxQueue) {
      const seconds = Math.ceil(((queued + chunks) * this.taskMs) / this.threads / 1000);
      throw new PoolBusy(Math.max(1, Math.min(60, seconds)), queued);
    }
  }

  private async runAll<T>(tasks: NameTask[]): Promise<T[]> {
    this.admit(tasks.length);
    if (!this.pool) return tasks.map((t) => run(t) as T);
    return Promise.all(tasks.map(async (t) => {
      const t0 = performance.now();
      const out = (await this.pool!.run(t)) as T;
      this.taskMs = 0.9 * this.taskMs + 0.1 * (performance.now() - t0);
      return out;
    }));
  }

  /** Match names against the index of `data`, serialised in input order (listings left to fill). Throws PoolBusy when the queue is full. */
  async match(names: string[], opts: MatchOptions, data: IndexData, format: 'json' | 'csv'): Promise<SerialisedMatches> {
    const tasks: NameTask[] = [];
    for (let i = 0; i < names.length; i += CHUNK) tasks.push({ op: 'match', version: data.version, data: data.buffer, names: names.slice(i, i + CHUNK), opts, format });
    const chunks = await this.runAll<SerialisedMatches>(tasks);
    if (chunks.length === 1) return chunks[0];
    return { parts: chunks.flatMap((c) => c.parts), ids: chunks.flatMap((c) => c.ids), perRow: chunks.flatMap((c) => c.perRow) };
  }

  /** Parse names; each result already serialised (a JSON object or a CSV line). */
  async parse(names: string[], format: 'json' | 'csv'): Promise<string[]> {
    const tasks: NameTask[] = [];
    for (let i = 0; i < names.length; i += CHUNK) tasks.push({ op: 'parse', names: names.slice(i, i + CHUNK), format });
    return (await this.runAll<string[]>(tasks)).flat();
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
