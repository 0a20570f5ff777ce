// Read-through cache for repository results, emptied whenever the data
// change. On PostgreSQL the database says so (LISTEN concord_changes, from
// any server or command; db/notifications.ts) and the version is checked only
// every 30 s as a safety net; without notifications (PGlite, or the listening
// connection down) the version is checked at most once a second (one query
// shared by all requests), so a write shows within a second either way.
import type { Database } from '../../db/client.js';
import type { Changed } from '../../db/notifications.js';
import { dataVersion } from '../../db/repositories/changes.js';
import { loadConfig } from '../../config.js';

/** Tables whose changes leave the data as they were (auth; a token's worth is the token check's). */
const NOT_DATA = new Set(['api_tokens', 'users']);

/** True when a change notification may touch the reference data. */
export function touchesData(changed: Changed): boolean {
  return changed === 'all' || [...changed].some((t) => !NOT_DATA.has(t));
}

export class ReadCache {
  private version = '';
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private entries = new Map<string, unknown>();
  /** Bumped on every emptying: a load that began before it is not kept. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(private database: Database, private opts: { maxEntries?: number; checkEveryMs?: number } = {}) {
    this.unsubscribe = database.changes().subscribe((changed) => { if (touchesData(changed)) this.empty(); });
  }

  close(): void { this.unsubscribe(); }

  private empty(): void {
    this.entries.clear();
    this.generation++;
  }

  private async fresh(): Promise<void> {
    const every = this.database.changes().live ? 30_000 : (this.opts.checkEveryMs ?? 1000);
    if (Date.now() - this.checkedAt < every) return;
    this.checking ??= dataVersion(this.database).then((v) => {
      if (v !== this.version) { this.empty(); this.version = v; }
      this.checkedAt = Date.now();
    }).finally(() => { this.checking = null; });
    return this.checking;
  }

  /** The cached value for `key`, else `load()`'s (kept; least recently used dropped beyond the limit). */
  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!loadConfig().readCache) return load(); // off: every read goes to the database (benchmarks)
    await this.fresh();
    if (this.entries.has(key)) {
      const v = this.entries.get(key) as T;
      this.entries.delete(key);
      this.entries.set(key, v);
      return v;
    }
    const generation = this.generation;
    const v = await load();
    if (generation !== this.generation) return v; // the data changed meanwhile: serve it, keep nothing
    this.entries.set(key, v);
    if (this.entries.size > (this.opts.maxEntries ?? 20_000)) this.entries.delete(this.entries.keys().next().value as string);
    return v;
  }
}
