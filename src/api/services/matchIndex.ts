// One name-match index over the database's CITES and CMS names, built on
// first use and rebuilt when the data version changes (checked at most once
// a second, so bursts of requests share one check).
import type { Database } from '../../db/client.js';
import { buildMatchIndex, type MatchIndex } from '../../names/index.js';
import { namesVersion } from '../../db/repositories/names.js';
import { conceptEntries } from '../../alignment/entries.js';

export class MatchIndexCache {
  private index: MatchIndex | null = null;
  private version = '';
  private checkedAt = 0;
  private building: Promise<MatchIndex> | null = null;

  constructor(private database: Database) {}

  async get(): Promise<MatchIndex> {
    if (this.index && Date.now() - this.checkedAt < 1000) return this.index;
    const version = await namesVersion(this.database);
    this.checkedAt = Date.now();
    if (this.index && version === this.version) return this.index;
    this.building ??= this.build(version).finally(() => { this.building = null; });
    return this.building;
  }

  private async build(version: string): Promise<MatchIndex> {
    const entries = await conceptEntries(this.database.db, { withAuthors: true });
    this.index = buildMatchIndex(entries);
    this.version = version;
    return this.index;
  }
}
