// The data of the name-match index: the database's CITES and CMS names (with
// authors and higher taxa) and their common names, loaded on first use and
// again when the data version changes (checked when the database notifies a
// change of names, else at most once a second, so bursts share one check). The data is encoded once into a
// SharedArrayBuffer: the match workers (./namePool.ts) each build their
// index from the same memory, and rebuild when the version they hold is old.
import type { Database } from '../../db/client.js';
import type { ChecklistEntry, VernacularEntry } from '../../names/index.js';
import { conceptHigherTaxa, namesVersion, vernacularNames } from '../../db/repositories/names.js';
import { conceptEntries } from '../../alignment/entries.js';

export interface IndexData {
  version: string;
  /** UTF-8 JSON of {entries, vernaculars}, shared with the workers. */
  buffer: SharedArrayBuffer;
  entries: number;
  vernaculars: number;
}

export interface IndexSource {
  entries: ChecklistEntry[];
  vernaculars: VernacularEntry[];
}

/** The database's names for the matcher: accepted names and synonyms with authors and higher taxa, and common names. */
export async function loadIndexSource(database: Database, taxonomies?: ('CITES' | 'CMS')[]): Promise<IndexSource> {
  const [entries, higher, vern] = await Promise.all([
    conceptEntries(database.db, { withAuthors: true, taxonomies }), conceptHigherTaxa(database), vernacularNames(database),
  ]);
  const byId = new Map(higher.map((h) => [Number(h.id), h]));
  for (const e of entries) {
    const h = byId.get(Number(e.taxonId.split('/')[0]));
    if (!h) continue;
    const t: NonNullable<ChecklistEntry['higherTaxa']> = {};
    if (h.phylum) t.phylum = h.phylum;
    if (h.class) t.class = h.class;
    if (h.order) t.order = h.order;
    if (h.family) t.family = h.family;
    e.higherTaxa = t;
  }
  const wanted = new Set(taxonomies ?? ['CITES', 'CMS']);
  const vernaculars = vern.filter((v) => wanted.has(v.taxonomy_id))
    .map((v) => ({ taxonId: String(v.taxon_concept_id), taxonomy: v.taxonomy_id, name: v.name, language: v.language }));
  return { entries, vernaculars };
}

export function encodeIndexSource(source: IndexSource, version: string): IndexData {
  const bytes = Buffer.from(JSON.stringify(source), 'utf8');
  const buffer = new SharedArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return { version, buffer, entries: source.entries.length, vernaculars: source.vernaculars.length };
}

export function decodeIndexSource(buffer: SharedArrayBuffer): IndexSource {
  return JSON.parse(Buffer.from(buffer).toString('utf8')) as IndexSource;
}

/** Tables behind namesVersion: a change elsewhere leaves the index as it is. */
const NAME_TABLES = new Set(['taxon_concepts', 'taxon_relationships', 'common_names', 'import_runs']);

export class MatchIndexCache {
  private data: IndexData | null = null;
  private checkedAt = 0;
  private loading: Promise<IndexData> | null = null;
  private readonly unsubscribe: () => void;

  constructor(private database: Database) {
    // A change notification (db/notifications.ts) makes the next request check the version.
    this.unsubscribe = database.changes().subscribe((changed) => {
      if (changed === 'all' || [...changed].some((t) => NAME_TABLES.has(t))) this.checkedAt = 0;
    });
  }

  close(): void { this.unsubscribe(); }

  async get(): Promise<IndexData> {
    // Told of changes: check only when told (and every 30 s); else at most once a second.
    const every = this.database.changes().live ? 30_000 : 1000;
    if (this.data && Date.now() - this.checkedAt < every) return this.data;
    this.checkedAt = Date.now();
    const version = await namesVersion(this.database);
    if (this.data && version === this.data.version) return this.data;
    this.loading ??= this.load(version).finally(() => { this.loading = null; });
    return this.loading;
  }

  private async load(version: string): Promise<IndexData> {
    this.data = encodeIndexSource(await loadIndexSource(this.database), version);
    return this.data;
  }
}
