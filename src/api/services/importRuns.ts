// Import runs by id, kept once finished: a finished run never changes, and
// every taxon page names a few of the same forty-odd runs. A run still going
// (or not seen yet) is read from the database each time.
import type { Database } from '../../db/client.js';
import { importRunsByIds, type ImportRunRow } from '../../db/repositories/taxa.js';

export class ImportRunMemo {
  private finished = new Map<number, ImportRunRow>();

  constructor(private database: Database) {}

  async byIds(ids: number[]): Promise<ImportRunRow[]> {
    const kept = ids.map((id) => this.finished.get(id));
    if (kept.every((r) => r !== undefined)) return kept as ImportRunRow[];
    const runs = await importRunsByIds(this.database, ids);
    for (const r of runs) if (r.finished_at != null && r.status !== 'running') this.finished.set(Number(r.id), r);
    return runs;
  }
}
