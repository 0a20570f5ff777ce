// Read-through cache for repository results, emptied whenever the data
// version changes. The version is checked at most once a second (one query
// shared by all requests), so a write shows within a second.
import type { Database } from '../../db/client.js';
import { dataVersion } from '../../db/repositories/changes.js';
import { loadConfig } from '../../config.js';

export class ReadCache {
  private version = '';
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private entries = new Map<string, unknown>();

  constructor(private database: Database, private opts: { maxEntries?: number; checkEveryMs?: number } = {}) {}

  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < (this.opts.checkEveryMs ?? 1000)) return;
    this.checking ??= dataVersion(this.database).then((v) => {
      if (v !== this.version) { this.entries.clear(); this.version = v; }
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
    const v = await load();
    this.entries.set(key, v);
    if (this.entries.size > (this.opts.maxEntries ?? 20_000)) this.entries.delete(this.entries.keys().next().value as string);
    return v;
  }
}
