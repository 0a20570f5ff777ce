// Counts for `concord stats` and /health. The JSON keys are a contract.
import type { Database } from './client.js';

export interface Stats {
  taxonomies: Record<string, {
    taxonConcepts: number;
    byNameStatus: Record<string, number>;
    byRank: Record<string, number>;
  }>;
  listingChanges: Record<string, number>;
  distributions: number;
  commonNames: Record<string, number>;
  geoEntities: number;
  parties: Record<string, number>;
  conceptLinks: Record<string, number>;
  conservationStatuses: number;
  lastImports: Record<string, { runId: number; file: string; status: string; finishedAt: string | null; accepted: number; updated: number; unchanged: number; rejected: number }>;
}

const n = (v: unknown) => Number(v ?? 0);

export async function collectStats(database: Database): Promise<Stats> {
  const q = database.query.bind(database);
  const taxa = await q<{ taxonomy_id: string; name_status: string; rank: string; c: string }>(
    `select taxonomy_id, name_status, rank, count(*) c from taxon_concepts where deleted_at is null group by 1,2,3`);
  const taxonomies: Stats['taxonomies'] = { CITES: { taxonConcepts: 0, byNameStatus: {}, byRank: {} }, CMS: { taxonConcepts: 0, byNameStatus: {}, byRank: {} } };
  for (const r of taxa) {
    const t = (taxonomies[r.taxonomy_id] ??= { taxonConcepts: 0, byNameStatus: {}, byRank: {} });
    t.taxonConcepts += n(r.c);
    t.byNameStatus[r.name_status] = (t.byNameStatus[r.name_status] ?? 0) + n(r.c);
    t.byRank[r.rank] = (t.byRank[r.rank] ?? 0) + n(r.c);
  }
  const grouped = async (text: string) => Object.fromEntries((await q<{ k: string; c: string }>(text)).map((r) => [r.k, n(r.c)]));
  const scalar = async (text: string) => n((await q<{ c: string }>(text))[0]?.c);
  const runs = await q<{ source: string; id: number; file: string; status: string; finished_at: Date | null; accepted: number; updated: number; unchanged: number; rejected: number }>(
    `select distinct on (source) source, id, file, status, finished_at, accepted, updated, unchanged, rejected
       from import_runs where status <> 'running' order by source, id desc`);
  return {
    taxonomies,
    listingChanges: await grouped(`select convention k, count(*) c from listing_changes group by 1`),
    distributions: await scalar(`select count(*) c from distributions`),
    commonNames: await grouped(`select language k, count(*) c from common_names group by 1`),
    geoEntities: await scalar(`select count(*) c from geo_entities`),
    parties: await grouped(`select convention k, count(*) c from party_memberships group by 1`),
    conceptLinks: await grouped(`select relation k, count(*) c from concept_links group by 1`),
    conservationStatuses: await scalar(`select count(*) c from conservation_statuses`),
    lastImports: Object.fromEntries(runs.map((r) => [r.source, {
      runId: n(r.id), file: r.file, status: r.status,
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
      accepted: n(r.accepted), updated: n(r.updated), unchanged: n(r.unchanged), rejected: n(r.rejected),
    }])),
  };
}
