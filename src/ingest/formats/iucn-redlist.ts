// IUCN Red List assessments from a Red List website download: assessments.csv
// (one row per assessment) joined on internalTaxonId to taxonomy.csv beside
// it. Each assessment is linked, through the name engine, to the accepted
// taxon concept of its name in each taxonomy (CITES, CMS): by the same name,
// a synonym, or a spelling/gender variant. Unmatched, ambiguous or only
// near-spelt names are rejected with the nearest names, never guessed.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { conceptEntries } from '../../alignment/entries.js';
import { buildMatchIndex, type ChecklistEntry, type MatchIndex, type MatchResult } from '../../names/index.js';
import { readCsv } from '../csv.js';
import { ImportRefused } from '../errors.js';
import type { ImportContext, Importer } from '../run.js';

const ASSESSMENT_COLUMNS = ['assessmentId', 'internalTaxonId', 'scientificName', 'redlistCategory', 'redlistCriteria', 'yearPublished', 'populationTrend'];
const TAXONOMY_COLUMNS = ['internalTaxonId', 'scientificName', 'kingdomName', 'className', 'genusName', 'speciesName', 'authority'];

/** Red List categories as the website writes them, with their codes. */
export const CATEGORIES: Record<string, string> = {
  'Extinct': 'EX', 'Extinct in the Wild': 'EW', 'Critically Endangered': 'CR', 'Endangered': 'EN', 'Vulnerable': 'VU',
  'Near Threatened': 'NT', 'Lower Risk/conservation dependent': 'LR/cd', 'Lower Risk/near threatened': 'LR/nt',
  'Lower Risk/least concern': 'LR/lc', 'Least Concern': 'LC', 'Data Deficient': 'DD',
};
const TRENDS = new Set(['Increasing', 'Decreasing', 'Stable', 'Unknown', '']);

interface TaxonRow { line: number; name: string; kingdom: string; className: string; authority: string }

export const importer: Importer = {
  format: 'iucn-redlist',
  description: 'IUCN Red List download (assessments.csv + taxonomy.csv beside it): category, criteria, year, trend, linked to CITES and CMS taxon concepts by name',
  seed: [{ order: 90, path: 'iucn-redlist-parrots/assessments.csv' }],
  async run(ctx) {
    const taxa = await readTaxonomy(ctx);
    const kingdoms = new Set([...taxa.values()].map((t) => t.kingdom.toLowerCase()).filter(Boolean));
    const indexes = await conceptIndexes(ctx, kingdoms.size === 1 ? capitalise([...kingdoms][0]) : '');
    const existing = await existingStatuses(ctx);
    const seen = new Set<string>();
    const unmatched: string[] = [];
    for await (const { line, values: v } of readCsv(ctx.file, { required: ASSESSMENT_COLUMNS, onBytes: ctx.progress })) {
      const row = checkRow(ctx, line, v, taxa, seen);
      if (!row) continue;
      const links = linkConcepts(row.name, row.taxon, indexes);
      if (links.problems.length && !links.found.length) {
        ctx.reject(line, 'scientificName', `a name of a CITES or CMS taxon concept; '${row.name}' ${links.problems.join('; ')}`);
        unmatched.push(row.name);
        // An earlier import's links for this assessment no longer hold.
        await ctx.tx.execute(sql`delete from conservation_statuses where source = 'IUCN' and assessment_id = ${row.assessmentId}`);
        continue;
      }
      for (const p of links.problems) ctx.note(`${ctx.fileName}:${line} ${row.name}: ${p}`);
      const changed = await writeStatuses(ctx, line, row, links.found, existing.get(row.assessmentId) ?? []);
      ctx.counts[changed]++;
    }
    if (unmatched.length) ctx.note(`${unmatched.length} assessments match no taxon concept: ${unmatched.join(', ')}`);
  },
};

async function readTaxonomy(ctx: ImportContext): Promise<Map<string, TaxonRow>> {
  const file = path.join(path.dirname(ctx.file), 'taxonomy.csv');
  if (!fs.existsSync(file)) throw new ImportRefused('taxonomy.csv', null, null, `the Red List taxonomy.csv beside ${ctx.fileName} (the download's second file)`);
  const out = new Map<string, TaxonRow>();
  for await (const { line, values: v } of readCsv(file, { required: TAXONOMY_COLUMNS })) {
    const id = v.internalTaxonId.trim();
    if (!/^\d+$/.test(id)) { ctx.reject(line, 'taxonomy.csv internalTaxonId', `a numeric taxon id, got '${id}'`); continue; }
    if (out.has(id)) { ctx.reject(line, 'taxonomy.csv internalTaxonId', `a unique taxon id; ${id} is also on line ${out.get(id)!.line}`); continue; }
    out.set(id, { line, name: v.scientificName.trim(), kingdom: v.kingdomName.trim(), className: v.className.trim(), authority: v.authority.trim() });
  }
  return out;
}

interface Assessment {
  assessmentId: string; taxonId: string; name: string; category: string; criteria: string | null;
  year: number | null; trend: string | null; taxon: TaxonRow;
}

function checkRow(ctx: ImportContext, line: number, v: Record<string, string>, taxa: Map<string, TaxonRow>, seen: Set<string>): Assessment | null {
  const assessmentId = v.assessmentId.trim();
  if (!/^\d+$/.test(assessmentId)) { ctx.reject(line, 'assessmentId', `a numeric assessment id, got '${assessmentId}'`); return null; }
  if (seen.has(assessmentId)) { ctx.reject(line, 'assessmentId', `a unique assessment id; ${assessmentId} appears twice`); return null; }
  seen.add(assessmentId);
  const taxonId = v.internalTaxonId.trim();
  const taxon = taxa.get(taxonId);
  if (!taxon) { ctx.reject(line, 'internalTaxonId', `a taxon of taxonomy.csv; ${taxonId || '(empty)'} is not there`); return null; }
  const name = v.scientificName.trim() || taxon.name;
  if (taxon.name && name !== taxon.name) {
    ctx.reject(line, 'scientificName', `the name taxonomy.csv gives taxon ${taxonId} ('${taxon.name}' on line ${taxon.line}); got '${name}'`);
    return null;
  }
  const category = v.redlistCategory.trim();
  if (!(category in CATEGORIES)) { ctx.reject(line, 'redlistCategory', `a Red List category (${Object.keys(CATEGORIES).join(', ')}), got '${category}'`); return null; }
  const yearText = v.yearPublished.trim();
  const year = yearText ? Number(yearText) : null;
  if (year !== null && !(Number.isInteger(year) && year >= 1950 && year <= 2100)) { ctx.reject(line, 'yearPublished', `a year, got '${yearText}'`); return null; }
  const trend = v.populationTrend.trim();
  if (!TRENDS.has(trend)) { ctx.reject(line, 'populationTrend', `Increasing, Decreasing, Stable or Unknown, got '${trend}'`); return null; }
  return { assessmentId, taxonId, name, category, criteria: v.redlistCriteria.trim() || null, year, trend: trend || null, taxon };
}

type Indexes = Map<string, MatchIndex>;

/** One name index per taxonomy over its accepted names and synonyms (ids are taxon concept ids). */
async function conceptIndexes(ctx: ImportContext, kingdom: string): Promise<Indexes> {
  const entries = await conceptEntries(ctx.tx, kingdom ? { kingdom } : {});
  const byTaxonomy = new Map<string, ChecklistEntry[]>();
  for (const e of entries) {
    if (!byTaxonomy.has(e.taxonomy!)) byTaxonomy.set(e.taxonomy!, []);
    byTaxonomy.get(e.taxonomy!)!.push(e);
  }
  return new Map([...byTaxonomy].sort().map(([t, es]) => [t, buildMatchIndex(es)]));
}

interface Found { taxonomy: string; conceptId: number; matchType: string }

/** The accepted concept of the name in each taxonomy; problems say why a taxonomy gave none. */
function linkConcepts(name: string, taxon: TaxonRow, indexes: Indexes): { found: Found[]; problems: string[] } {
  const found: Found[] = [];
  const problems: string[] = [];
  for (const [taxonomy, index] of indexes) {
    const r = index.match(name);
    const accepted = r.acceptedId ?? (r.matchedStatus === 'accepted' ? r.taxonId : null);
    if ((r.matchType === 'EXACT' || r.matchType === 'VARIANT') && accepted && !kingdomClash(r, taxon)) {
      found.push({ taxonomy, conceptId: Number(accepted), matchType: matchTypeOf(r) });
      continue;
    }
    // The same name accepted in the taxonomy and also a synonym of another concept: the accepted
    // concept of that name is meant; the other reading goes to the report.
    const same = r.matchType === 'AMBIGUOUS'
      ? [r, ...r.alternatives].filter((a) => a.matchedStatus === 'accepted' && a.matchedName === r.canonical && a.taxonId) : [];
    if (same.length === 1) {
      found.push({ taxonomy, conceptId: Number(same[0].taxonId), matchType: 'exact' });
      problems.push(`${taxonomy}: ${describe(r)}; the accepted name was taken`);
    } else problems.push(`${taxonomy}: ${describe(r)}`);
  }
  return { found, problems };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

const kingdomClash = (r: MatchResult, t: TaxonRow) => Boolean(r.kingdom && t.kingdom && r.kingdom.toLowerCase() !== t.kingdom.toLowerCase());

function matchTypeOf(r: MatchResult): string {
  const kind = r.matchType === 'EXACT' ? 'exact' : 'variant';
  return r.matchedStatus === 'synonym' ? (kind === 'exact' ? 'synonym' : 'synonym_variant') : kind;
}

function describe(r: MatchResult): string {
  switch (r.matchType) {
    case 'NONE': return 'no such name';
    case 'FUZZY': return `only a near spelling, ${r.matchedName} (${r.editDistance} edits), not taken`;
    case 'PARTIAL': return `only ${r.matchedName} is known (a higher rank), not taken`;
    case 'AMBIGUOUS': return `ambiguous: ${r.alternatives.map((a) => a.acceptedName ?? a.matchedName).join(' or ')}`;
    default: return `${r.matchType.toLowerCase()} match in another kingdom (${r.kingdom})`;
  }
}

interface StoredStatus { id: number; taxon_concept_id: number; category: string; criteria: string | null; year_published: number | null; population_trend: string | null; assessed_name: string; match_type: string | null; assessed_taxon_id: string | null }

async function existingStatuses(ctx: ImportContext): Promise<Map<string, StoredStatus[]>> {
  const res = (await ctx.tx.execute(sql`select id, taxon_concept_id, assessment_id, category, criteria, year_published, population_trend, assessed_name, match_type, assessed_taxon_id
    from conservation_statuses where source = 'IUCN'`)) as unknown as { rows: (StoredStatus & { assessment_id: string })[] };
  const out = new Map<string, StoredStatus[]>();
  for (const r of res.rows) out.set(r.assessment_id, [...(out.get(r.assessment_id) ?? []), r]);
  return out;
}

/** Insert, update or keep one status per linked concept; drop links the names no longer give. */
async function writeStatuses(ctx: ImportContext, line: number, a: Assessment, found: Found[], before: StoredStatus[]): Promise<'accepted' | 'updated' | 'unchanged'> {
  const values = {
    category: a.category, criteria: a.criteria, yearPublished: a.year, populationTrend: a.trend, assessedName: a.name, assessedTaxonId: a.taxonId,
  };
  let inserted = 0;
  let updated = 0;
  const wanted = new Set(found.map((f) => f.conceptId));
  for (const f of found) {
    const old = before.find((b) => Number(b.taxon_concept_id) === f.conceptId);
    const same = old && old.category === values.category && old.criteria === values.criteria && old.year_published === values.yearPublished
      && old.population_trend === values.populationTrend && old.assessed_name === values.assessedName && old.match_type === f.matchType
      && old.assessed_taxon_id === values.assessedTaxonId;
    if (same) continue;
    await ctx.tx.execute(sql`insert into conservation_statuses (taxon_concept_id, source, assessment_id, assessed_taxon_id, assessed_name, category, criteria,
        year_published, population_trend, match_type, import_run_id, source_file, source_line)
      values (${f.conceptId}, 'IUCN', ${a.assessmentId}, ${a.taxonId}, ${a.name}, ${a.category}, ${a.criteria}, ${a.year}, ${a.trend}, ${f.matchType}, ${ctx.runId}, ${ctx.fileName}, ${line})
      on conflict (taxon_concept_id, source, assessment_id) do update set assessed_taxon_id = excluded.assessed_taxon_id, assessed_name = excluded.assessed_name,
        category = excluded.category, criteria = excluded.criteria, year_published = excluded.year_published, population_trend = excluded.population_trend,
        match_type = excluded.match_type, import_run_id = excluded.import_run_id, source_file = excluded.source_file, source_line = excluded.source_line`);
    if (old) updated++; else inserted++;
  }
  const stale = before.filter((b) => !wanted.has(Number(b.taxon_concept_id)));
  for (const s of stale) await ctx.tx.execute(sql`delete from conservation_statuses where id = ${s.id}`);
  if (inserted && !before.length) return 'accepted';
  return inserted || updated || stale.length ? 'updated' : 'unchanged';
}
