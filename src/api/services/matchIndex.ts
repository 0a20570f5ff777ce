// One name-match index over the database's CITES and CMS names, built on
// first use and rebuilt when the data version changes (checked at most once
// a second, so bursts of requests share one check).
import type { Database } from '../../db/client.js';
import { buildMatchIndex, type ChecklistEntry, type MatchIndex } from '../../names/index.js';
import { matchableNames, namesVersion } from '../../db/repositories/names.js';

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
    const rows = await matchableNames(this.database);
    const entries: ChecklistEntry[] = rows.map((r) => ({
      taxonId: String(r.id),
      scientificName: r.author_year ? `${r.full_name} ${r.author_year}` : r.full_name,
      status: r.name_status === 'S' ? 'synonym' : 'accepted',
      acceptedId: r.accepted_id == null ? null : String(r.accepted_id),
      taxonomy: r.taxonomy_id, kingdom: r.kingdom_name ?? undefined, rank: r.rank,
    }));
    this.index = buildMatchIndex(entries);
    this.version = version;
    return this.index;
  }
}
