// Common names and distributions of the Species+ 2013 seed. Rows name their
// taxon by (Rank, RecID) and say by Designation which taxonomy the fact is
// for ('CITES,EU', 'EU,CMS', 'CMS-AEWA' ...); EU-only facts belong to the
// CITES taxonomy, which the EU shared. When the designated taxonomy has no
// such concept, the fact goes to the concept that exists.
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { byLegacy, loadConcepts, loadFactTargets } from '../write/concepts.js';
import { clean, kingdomOfFile, legacyKey, legacyRank, taxonomiesOf, legacyAsOf } from '../cells/legacy.js';
import { loadGeo } from '../write/lookups.js';
import { importCommonNames, parseTags, writeDistributions, type DistributionInput } from '../write/names.js';

const DIR = 'sapi-legacy-2013/lib/files';

type Resolve = (rank: string, recId: string, designation: string) => number[] | string;

async function legacyResolver(ctx: ImportContext): Promise<Resolve> {
  const kingdom = kingdomOfFile(ctx.fileName);
  const concepts = byLegacy(await loadConcepts(ctx.tx), await loadFactTargets(ctx.tx));
  return (rankValue, recId, designation) => {
    const rank = legacyRank(rankValue);
    if (!rank) return `Rank|a known rank, got '${rankValue}'`;
    const key = legacyKey(kingdom, rank, recId);
    const found = (['CITES', 'CMS'] as const).map((t) => [t, concepts.get(`${t}|${key}`)] as const).filter(([, id]) => id != null);
    if (found.length === 0) return `RecID|a taxon of the taxa file, got ${rank} ${recId.trim()}`;
    const wanted = taxonomiesOf(designation);
    const chosen = found.filter(([t]) => wanted.includes(t));
    return (chosen.length ? chosen : found).map(([, id]) => id!);
  };
}

function rejectWith(ctx: ImportContext, line: number, problem: string): void {
  const [field, reason] = problem.split('|');
  ctx.reject(line, field, reason);
}

export const importers: Importer[] = [
  {
    format: 'sapi-common-names',
    asOf: legacyAsOf,
    description: 'Species+ 2013 common names in many languages (animalia_common_names_utf8.csv); needs sapi-languages first',
    seed: [{ order: 44, path: `${DIR}/animals/animalia_common_names_utf8.csv` }],
    async run(ctx) {
      const resolve = await legacyResolver(ctx);
      await importCommonNames(ctx, (v) => {
        const ids = resolve(v.Rank, v.RecId, v.Designation);
        if (typeof ids !== 'string') return ids;
        const [field, reason] = ids.split('|');
        return { field, reason };
      });
    },
  },
  {
    format: 'sapi-distributions',
    asOf: legacyAsOf,
    description: 'Species+ 2013 distributions: tagged animal distributions (animalia_distribution_tags_utf8.csv) and plant distributions (plantae_distribution_utf8.csv)',
    seed: [
      { order: 45, path: `${DIR}/animals/animalia_distribution_tags_utf8.csv` },
      { order: 46, path: `${DIR}/plants/plantae_distribution_utf8.csv` },
    ],
    async run(ctx) {
      const geo = await loadGeo(ctx.tx);
      const resolve = await legacyResolver(ctx);
      const input: DistributionInput[] = [];
      for await (const { line, values: v } of readCsv(ctx.file, { required: ['Species RecID', 'Rank', 'ISO Code 2', 'Designation'], onBytes: ctx.progress })) {
        const iso2 = v['ISO Code 2'].trim().toUpperCase();
        const geoId = geo.get(iso2);
        if (geoId == null) { ctx.reject(line, 'ISO Code 2', `a known ISO code, got '${v['ISO Code 2']}'`); continue; }
        const tags = parseTags(v.Tags);
        if (!tags) { ctx.reject(line, 'Tags', `tags among introduced, introduced (?), reintroduced, extinct, extinct (?), distribution uncertain; got '${v.Tags}'`); continue; }
        const ids = resolve(v.Rank, v['Species RecID'], v.Designation);
        if (typeof ids === 'string') { rejectWith(ctx, line, ids.replace(/^RecID\|/, 'Species RecID|')); continue; }
        input.push({ line, conceptIds: ids, geoId, tags });
      }
      // Tags are merged, never removed; a distribution a newer source (the 2017
      // Checklist, arctic-cms) wrote last keeps that source's tags on re-import.
      await writeDistributions(ctx, input, { mergeTags: true, yieldToOthers: true });
    },
  },
];
