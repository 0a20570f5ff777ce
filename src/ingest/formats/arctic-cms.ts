// CMS listings of 31 Arctic species as of July 2025 (Arctic Tracker, from a
// Species+ CMS export of 10 Jul 2025), applied on top of the 2013 CMS data:
// each "**II** 08/02/2015" line becomes an ADDITION (current); a 2013 CMS
// Appendix I/II row still current for the species whose appendix and date
// the 2025 export no longer gives is marked not current (superseded), with
// data.supersededBy naming this source. Agreement/MoU rows are left alone
// (the export does not list them). Distributions: all ISO codes, with the
// introduced / extinct / uncertain tags the export gives by country name.
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import { geoEntities, listingChanges, taxonConcepts } from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import { ImportRefused } from '../errors.js';
import type { ImportContext, Importer } from '../run.js';
import { parseDmy } from '../../taxonomy/dates.js';
import { syncFacts, countLines, type Fact } from '../write/facts.js';
import { writeDistributions, type DistributionInput } from '../write/names.js';
import { writeListingChanges, type ListingFact } from '../write/listings.js';
import { ConceptIndex } from '../write/concepts.js';

export const SOURCE_LABEL = 'arctic-tracker-cms 2025-07-10';

interface Species {
  species_name: string; cms_listing: string; agreement: string; listed_under: string; date_listed: string; notes: string;
  all_distribution_codes: string[]; introduced_distribution: string[]; extinct_distribution: string[]; distribution_uncertain: string[];
  taxonomic_info?: { phylum?: string; class?: string; order?: string; family?: string; genus?: string; author?: string };
}

/** "**I** 23/12/2002\n**II** 23/12/2002" -> [['I', '23/12/2002'], ...]; null when a line has another shape. */
export function parseMarked(text: string): [string, string][] | null {
  const out: [string, string][] = [];
  for (const line of text.split('\n').map((s) => s.trim()).filter(Boolean)) {
    const m = /^\*\*(I|II)\*\*\s*(.*)$/.exec(line);
    if (!m) return null;
    out.push([m[1], m[2].trim()]);
  }
  return out;
}

function readSpecies(ctx: ImportContext): { species: Species; line: number }[] {
  let text: string;
  try { text = fs.readFileSync(ctx.file, 'utf8'); } catch { throw new ImportRefused(ctx.fileName, null, null, 'an existing file'); }
  let doc: { species_data?: Species[] };
  try { doc = JSON.parse(text) as { species_data?: Species[] }; } catch (e) {
    throw new ImportRefused(ctx.fileName, null, null, `valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(doc.species_data)) throw new ImportRefused(ctx.fileName, null, 'species_data', 'a species_data array');
  // Line numbers of each record, so rejects can point into the file.
  const lines = text.split('\n');
  let from = 0;
  return doc.species_data.map((species) => {
    const i = lines.findIndex((l, n) => n >= from && l.includes('"species_name"'));
    from = i + 1;
    return { species, line: i + 1 };
  });
}

export const importer: Importer = {
  format: 'arctic-cms',
  description: 'CMS listings (2025) and distributions of Arctic species from Arctic Tracker (cms_arctic_species_data.json); newer listings supersede 2013 CMS rows',
  seed: [{ order: 75, path: 'arctic-tracker-cms/cms_arctic_species_data.json' }],
  async run(ctx) {
    const records = readSpecies(ctx);
    ctx.asOf = processedDate(ctx) ?? ctx.asOf;
    ctx.progress(fs.statSync(ctx.file).size);
    const index = await ConceptIndex.load(ctx.tx);
    const geo = await ctx.tx.select({ id: geoEntities.id, iso2: geoEntities.iso2, nameEn: geoEntities.nameEn }).from(geoEntities);
    const byIso = new Map(geo.map((g) => [g.iso2.trim(), g.id]));
    const byName = new Map(geo.map((g) => [nameKey(g.nameEn), g.id]));
    const geoByName = (n: string) => byName.get(nameKey(n)) ?? byName.get(nameKey(n.replace(/\s*\(.*\)$/, '')));

    // 1. Concepts: the CMS concept of that name, or a new one.
    const newConcepts: Fact[] = [];
    const accepted: { rec: (typeof records)[number]; listings: [string, string][]; notes: Map<string, string> }[] = [];
    for (const rec of records) {
      const s = rec.species;
      const name = (s.species_name ?? '').trim().replace(/\s+/g, ' ');
      if (!/^[A-Z][a-z]+ [a-z-]+$/.test(name)) { ctx.reject(rec.line, 'species_name', `a binomial species name, got '${s.species_name}'`); continue; }
      const marked = parseMarked(s.date_listed ?? '');
      const listings: [string, string][] = [];
      for (const [appendix, date] of marked ?? []) {
        const iso = parseDmy(date);
        if (iso) listings.push([appendix, iso]);
      }
      if (!marked || listings.length !== marked.length || listings.length === 0) { ctx.reject(rec.line, 'date_listed', `lines like '**II** 08/02/2015', got '${s.date_listed}'`); continue; }
      const badCode = (s.all_distribution_codes ?? []).find((c) => !byIso.has(c.trim().toUpperCase()));
      if (badCode) { ctx.reject(rec.line, 'all_distribution_codes', `known ISO codes, got '${badCode}'`); continue; }
      const notes = new Map<string, string>();
      for (const [appendix, text] of parseMarked(s.notes ?? '') ?? []) if (!notes.has(appendix)) notes.set(appendix, text);
      accepted.push({ rec, listings, notes });
      if (!index.byFullName('CMS', name, 'SPECIES')) {
        const t = s.taxonomic_info ?? {};
        const genus = index.byFullName('CMS', t.genus ?? name.split(' ')[0], 'GENUS');
        newConcepts.push({
          key: `CMS|${nameKey(name)}`, line: rec.line, values: {
            taxonomyId: 'CMS', fullName: name, authorYear: t.author?.trim() || null, rank: 'SPECIES', nameStatus: 'A', parentId: genus?.id ?? null,
            kingdomName: 'Animalia', phylumName: t.phylum ?? null, className: t.class ?? null, orderName: t.order ?? null, familyName: t.family ?? null,
            genusName: t.genus ?? name.split(' ')[0], nameKey: nameKey(name), data: { source: SOURCE_LABEL },
          },
        });
      }
    }
    const mine = await ctx.tx.select().from(taxonConcepts).where(and(eq(taxonConcepts.taxonomyId, 'CMS'), eq(taxonConcepts.sourceFile, ctx.fileName)));
    const existingMine = new Map(mine.map((c) => [`CMS|${c.nameKey}`, c as unknown as Record<string, unknown> & { id: number }]));
    const created = await syncFacts(ctx, taxonConcepts, newConcepts, { existing: existingMine });
    countLines(ctx, newConcepts, created.status);
    const conceptId = (name: string) => index.byFullName('CMS', name, 'SPECIES')?.id ?? created.ids.get(`CMS|${nameKey(name)}`)!;

    // 2. Listing changes of 2025; rows the 2013 file already has stay as they are.
    const ids = accepted.map((a) => conceptId(a.rec.species.species_name.trim()));
    const older = ids.length ? await ctx.tx.select().from(listingChanges)
      .where(and(eq(listingChanges.convention, 'CMS'), inArray(listingChanges.taxonConceptId, ids))) : [];
    const facts: ListingFact[] = [];
    const supersede: number[] = [];
    accepted.forEach(({ rec, listings, notes }, i) => {
      const id = ids[i];
      const others = older.filter((r) => r.taxonConceptId === id && r.sourceFile !== ctx.fileName);
      const wanted = new Set(listings.map(([a, d]) => `${a}|${d}`));
      for (const r of others) {
        if (!['I', 'II'].includes(r.appendix) || !r.isCurrent) continue;
        if (!wanted.has(`${r.appendix}|${r.effectiveAt}`)) supersede.push(r.id);
      }
      for (const [appendix, effectiveAt] of listings) {
        if (others.some((r) => r.appendix === appendix && r.effectiveAt === effectiveAt && r.changeType === 'ADDITION')) continue;
        facts.push({
          line: rec.line, values: {
            taxonConceptId: id, convention: 'CMS', appendix, changeType: 'ADDITION', effectiveAt, partyIso2: null, isCurrent: true,
            populationsIncluded: [], populationsExcluded: [], annotationEn: notes.get(appendix) ?? null,
            data: { source: SOURCE_LABEL, listedUnder: rec.species.listed_under, agreement: rec.species.agreement, cmsListing: rec.species.cms_listing },
          },
        });
      }
    });
    await writeListingChanges(ctx, 'CMS', facts);
    for (const rowId of supersede) {
      const [row] = older.filter((r) => r.id === rowId);
      await ctx.tx.update(listingChanges)
        .set({ isCurrent: false, data: { ...(row.data ?? {}), supersededBy: SOURCE_LABEL } })
        .where(eq(listingChanges.id, rowId));
    }
    if (supersede.length) { ctx.counts.updated += supersede.length; ctx.note(`${supersede.length} older CMS Appendix I/II rows marked not current (superseded by the 2025 listing)`); }

    // 3. Distributions with tags given by country name.
    const input: DistributionInput[] = [];
    const unknownNames = new Set<string>();
    accepted.forEach(({ rec }, i) => {
      const s = rec.species;
      const tagsOf = new Map<number, string[]>();
      for (const [tag, names] of [['INTRODUCED', s.introduced_distribution], ['EXTINCT', s.extinct_distribution], ['DISTRIBUTION UNCERTAIN', s.distribution_uncertain]] as const) {
        for (const n of names ?? []) {
          const g = geoByName(n);
          if (g == null) { unknownNames.add(n); continue; }
          tagsOf.set(g, [...(tagsOf.get(g) ?? []), tag]);
        }
      }
      const codes = new Set((s.all_distribution_codes ?? []).map((c) => byIso.get(c.trim().toUpperCase())!));
      for (const g of tagsOf.keys()) codes.add(g);
      for (const g of codes) input.push({ line: rec.line, conceptIds: [ids[i]], geoId: g, tags: (tagsOf.get(g) ?? []).sort() });
    });
    if (unknownNames.size) ctx.note(`country names without a geo entity (tags skipped): ${[...unknownNames].sort().join('; ')}`);
    // Tags are merged, never removed, so the 2013 and 2025 sources agree on re-import.
    await writeDistributions(ctx, input, { mergeTags: true });
  },
};

/** metadata.processed_date: the day the Species+ CMS export was read (2025-07-10). */
function processedDate(ctx: ImportContext): string | null {
  const doc = JSON.parse(fs.readFileSync(ctx.file, 'utf8')) as { metadata?: { processed_date?: unknown } };
  const d = doc.metadata?.processed_date;
  return typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}
