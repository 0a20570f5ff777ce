// Amendments to CMS Appendices I and II adopted at COP11-COP14 (a folder:
// amendments.csv, one row per taxon and action with its sources and a quote;
// cops.csv, the meetings). Each row becomes CMS listing changes of its taxon on
// the amendment's entry into force: given by the source, or computed by the
// Convention's rule (Article XI.5: ninety days after the meeting) and marked
// computed. A taxon the CMS taxonomy lacks is created there with its higher
// taxa (from its CITES concept, or its CMS genus) and aligned by the derive
// step. An uplisting (II -> I) ends the taxon's own Appendix II listing; a
// listing through a higher taxon (vultures through Accipitridae) stays, as
// the CMS rule has it. The row's sources, quote and any dispute note stay in
// the listing change's data and are shown with it.
import path from 'node:path';
import { eq, and, sql } from 'drizzle-orm';
import { events } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { addDays, isIsoDate } from '../../taxonomy/dates.js';
import { isInfraspecific } from '../../taxonomy/ranks.js';
import { ConceptIndex, loadFactTargets, HIGHER_TAXA, type HigherTaxa } from '../write/concepts.js';
import { syncTaxa, type SourceTaxon } from '../write/taxa.js';
import { writeListingChanges, keepNewerCurrency, type ListingFact } from '../write/listings.js';
import { selectRows } from '../write/rows.js';
import { ImportRefused } from '../errors.js';

export interface Cop { cop: number; city: string; country: string; start: string; end: string; entryIntoForce: string; computed: boolean; sourceUrl: string | null }

/** Article XI.5 of the Convention: amendments enter into force ninety days after the meeting that adopted them. */
export function entryIntoForceOf(meetingEnd: string): string {
  return addDays(meetingEnd, 90);
}

/** 'Anoxypristis cuspidate [sic; = cuspidata]' -> the corrected name, and the verbatim one. */
export function amendedName(raw: string): { name: string; verbatim: string } {
  const verbatim = raw.trim();
  // 'Tursiops gephyreus (as named in source; CMS name not seen)': the name, the note kept verbatim.
  const noted = /^([A-Z][a-z]+(?: [a-z-]+){1,2})\s+\(([^)]*)\)$/.exec(verbatim);
  if (noted) return { name: noted[1], verbatim };
  const m = /^(.*?)\s*\[sic;\s*=\s*([^\]]+)\]\s*$/.exec(verbatim);
  if (!m) return { name: verbatim, verbatim };
  const words = m[1].split(/\s+/);
  return { name: [...words.slice(0, -1), m[2].trim()].join(' '), verbatim };
}

export interface AmendmentAction { appendices: ('I' | 'II')[]; uplisted: boolean; dispute: string | null }

/** appendix_after and action -> the appendices the amendment puts the taxon in, whether it moved up from II, and any dispute. */
export function amendmentAction(action: string, appendixAfter: string): AmendmentAction | null {
  const after = appendixAfter.trim();
  const disputed = /\bper\b/.test(after) || /disputed/i.test(action);
  // Disputed: the first-named source (ENB) is followed; the dispute stays with the change.
  const first = disputed ? after.split(';')[0] : after;
  const appendices: ('I' | 'II')[] = /^I and II\b/.test(first) ? ['I', 'II'] : /^II\b/.test(first) ? ['II'] : /^I\b/.test(first) ? ['I'] : [];
  if (!appendices.length) return null;
  const uplisted = /uplisted|moved up from II/i.test(action);
  const note = /\((?!already)([^)]*)\)/.exec(action)?.[1] ?? null;
  return { appendices, uplisted, dispute: disputed ? `${action}; appendix after: ${after}` : (note && !/uplisted|moved up/i.test(note) ? note : null) };
}

export const importer: Importer = {
  format: 'cms-amendments',
  description: 'Amendments to CMS Appendices I and II adopted at COP11-COP14: a folder with amendments.csv and cops.csv (each row cited and quoted)',
  seed: [{ order: 55, path: 'cms-amendments-2014-2024' }],
  async run(ctx) {
    const cops = await readCops(ctx);
    ctx.asOf = [...cops.values()].map((c) => c.entryIntoForce).sort().at(-1) ?? null;
    const eventIds = await writeEvents(ctx, cops);
    const rows = await readAmendments(ctx, cops);
    const index = await ConceptIndex.load(ctx.tx);
    const targets = await loadFactTargets(ctx.tx, 'CMS');
    // Taxa the CMS taxonomy lacks: created with the higher taxa their CITES concept (or CMS genus) gives.
    const missing = new Map<string, SourceTaxon>();
    for (const r of rows) {
      if (conceptOf(index, targets, r.name, r.rank) || missing.has(r.name)) continue;
      const { higher, from } = higherTaxaFor(index, r.name);
      const cites = index.byFullName('CITES', r.name, r.rank);
      missing.set(r.name, {
        line: r.line, speciesplusId: null, rank: r.rank, fullName: r.name, author: cites?.authorYear ?? null, higher,
        speciesName: isInfraspecific(r.rank) ? r.name.split(' ').slice(0, 2).join(' ') : null,
        data: { source: 'cms-amendments', higherTaxaFrom: from },
      });
    }
    if (missing.size) {
      const before = { ...ctx.counts };
      await syncTaxa(ctx, [...missing.values()], { taxonomyId: 'CMS', importer: 'cms-amendments', source: 'cms-amendments', createMissingSpecies: true });
      Object.assign(ctx.counts, before); // counted per amendment line below
      ctx.note(`${missing.size} taxa added to the CMS taxonomy: ${[...missing.values()].map((t) => `${t.fullName} (higher taxa from ${String(t.data.higherTaxaFrom)})`).join('; ')}`);
    }
    const after = await ConceptIndex.load(ctx.tx, { taxonomy: 'CMS' });
    const ownII = await ownAppendixII(ctx);
    const facts: ListingFact[] = [];
    for (const r of rows) {
      if (r.rejected) continue;
      const concept = conceptOf(after, targets, r.name, r.rank);
      if (!concept) { ctx.reject(r.line, 'scientific_name', `a CMS taxon named '${r.name}'; none could be made`); continue; }
      const data = {
        cop: r.cop, action: r.action, appendixAfter: r.appendixAfter, entryIntoForceComputed: r.computed,
        sources: r.sources, sourceTitle: r.sourceTitle, quote: r.quote, commonNameEn: r.commonName,
        ...(r.verbatimName !== r.name ? { verbatimName: r.verbatimName } : {}),
        ...(r.population ? { population: r.population } : {}),
        ...(r.act.dispute ? { dispute: r.act.dispute } : {}),
      };
      const base = {
        taxonConceptId: concept.id, convention: 'CMS', changeType: 'ADDITION', effectiveAt: r.entryIntoForce, partyIso2: null,
        isCurrent: true, populationsIncluded: [], populationsExcluded: [], eventId: eventIds.get(r.cop) ?? null,
        annotationEn: r.population ? `${r.population} only.` : null, data,
      };
      for (const appendix of r.act.appendices) facts.push({ line: r.line, values: { ...base, appendix } });
      // Moved up from II: the taxon's own Appendix II listing ends (one through its family does not).
      if (r.act.uplisted && ownII.has(concept.id)) facts.push({ line: r.line, values: { ...base, appendix: 'II', changeType: 'DELETION', annotationEn: null } });
    }
    await writeListingChanges(ctx, 'CMS', facts, { keep: keepNewerCurrency });
  },
};

interface AmendmentRow {
  line: number; cop: number; name: string; verbatimName: string; rank: string; population: string | null; action: string; appendixAfter: string;
  act: AmendmentAction; entryIntoForce: string; computed: boolean; commonName: string | null; sources: string[]; sourceTitle: string | null; quote: string | null;
  rejected?: boolean;
}

async function readCops(ctx: ImportContext): Promise<Map<number, Cop>> {
  const file = path.join(ctx.file, 'cops.csv');
  const out = new Map<number, Cop>();
  try {
    for await (const { line, values: v } of readCsv(file, { required: ['cop', 'city', 'country_iso2', 'start', 'end', 'entry_into_force', 'source_url'] })) {
      const cop = Number(v.cop);
      if (!Number.isInteger(cop) || cop < 1) { ctx.reject(line, 'cop', `a COP number, got '${v.cop}'`); continue; }
      if (!isIsoDate(v.start) || !isIsoDate(v.end) || v.end < v.start) { ctx.reject(line, 'end', `a meeting from start to end (YYYY-MM-DD), got '${v.start}' to '${v.end}'`); continue; }
      const given = v.entry_into_force.trim();
      if (given && !isIsoDate(given)) { ctx.reject(line, 'entry_into_force', `a date YYYY-MM-DD or nothing, got '${given}'`); continue; }
      out.set(cop, { cop, city: v.city, country: v.country_iso2, start: v.start, end: v.end, entryIntoForce: given || entryIntoForceOf(v.end), computed: !given, sourceUrl: v.source_url || null });
    }
  } catch (e) {
    if (e instanceof ImportRefused) throw e;
    throw new ImportRefused(ctx.fileName, null, null, `a folder with cops.csv and amendments.csv (${(e as Error).message})`);
  }
  return out;
}

const RANKS: Record<string, string> = { species: 'SPECIES', subspecies: 'SUBSPECIES', population: 'SPECIES' };

async function readAmendments(ctx: ImportContext, cops: Map<number, Cop>): Promise<AmendmentRow[]> {
  const required = ['cop', 'scientific_name', 'rank', 'population', 'action', 'appendix_after', 'entry_into_force', 'common_name_en', 'source_url', 'source_title', 'quote'];
  const rows: AmendmentRow[] = [];
  for await (const { line, values: v } of readCsv(path.join(ctx.file, 'amendments.csv'), { required, onBytes: ctx.progress })) {
    const cop = cops.get(Number(v.cop));
    if (!cop) { ctx.reject(line, 'cop', `a COP of cops.csv, got '${v.cop}'`); continue; }
    const { name, verbatim } = amendedName(v.scientific_name);
    if (!/^[A-Z][a-z]+( [a-z-]+){0,2}$/.test(name)) { ctx.reject(line, 'scientific_name', `a scientific name (genus, species, subspecies), got '${v.scientific_name}'`); continue; }
    const words = name.split(' ').length;
    const rank = RANKS[v.rank.trim()] ?? (words === 3 ? 'SUBSPECIES' : words === 2 ? 'SPECIES' : null);
    if (!rank) { ctx.reject(line, 'rank', `species, subspecies or population, got '${v.rank}'`); continue; }
    const act = amendmentAction(v.action, v.appendix_after);
    if (!act) { ctx.reject(line, 'appendix_after', `I, II or I and II, got '${v.appendix_after}'`); continue; }
    const given = v.entry_into_force.trim();
    if (given && !isIsoDate(given)) { ctx.reject(line, 'entry_into_force', `a date YYYY-MM-DD or nothing, got '${given}'`); continue; }
    rows.push({
      line, cop: cop.cop, name, verbatimName: verbatim, rank: words === 3 ? 'SUBSPECIES' : rank, population: v.population.trim() || null,
      action: v.action.trim(), appendixAfter: v.appendix_after.trim(), act,
      entryIntoForce: given || cop.entryIntoForce, computed: !given && cop.computed,
      commonName: v.common_name_en.trim() || null, sources: v.source_url.split(' | ').map((s) => s.trim()).filter(Boolean),
      sourceTitle: v.source_title.trim() || null, quote: v.quote.trim() || null,
    });
  }
  return rows;
}

/** CMS COPs as events (the CITES CoPs come from the 2013 events file). */
async function writeEvents(ctx: ImportContext, cops: Map<number, Cop>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const c of cops.values()) {
    const name = `COP${c.cop}`;
    const values = { convention: 'CMS', name, type: 'COP', effectiveAt: c.start, url: c.sourceUrl, importRunId: ctx.runId, sourceFile: 'cops.csv', sourceLine: null };
    const [before] = await ctx.tx.select().from(events).where(and(eq(events.convention, 'CMS'), eq(events.name, name)));
    if (before) {
      if (before.effectiveAt !== c.start || before.url !== c.sourceUrl) await ctx.tx.update(events).set(values).where(eq(events.id, before.id));
      out.set(c.cop, before.id);
    } else {
      const [row] = await ctx.tx.insert(events).values(values).returning({ id: events.id });
      out.set(c.cop, row.id);
    }
  }
  return out;
}

/** The accepted CMS concept of a name (a synonym stands for its accepted concept). */
function conceptOf(index: ConceptIndex, targets: Map<number, number>, name: string, rank: string) {
  const c = index.byFullName('CMS', name, rank) ?? index.byFullName('CMS', name);
  if (!c) return undefined;
  const id = targets.get(c.id) ?? c.id;
  return id === c.id ? c : index.byId.get(id);
}

/**
 * Higher-taxa columns for a taxon new to CMS, from the nearest name either
 * taxonomy knows: the taxon itself in CITES, its species, its genus (CITES or
 * CMS). None known (a shark genus neither has): the genus alone, under the
 * kingdom CMS lists (Animalia), with a note; nothing is invented above it.
 */
function higherTaxaFor(index: ConceptIndex, name: string): { higher: HigherTaxa; from: string } {
  const pick = (c: { [K in (typeof HIGHER_TAXA)[number]['field']]: string | null }): HigherTaxa =>
    Object.fromEntries(HIGHER_TAXA.map((h) => [h.field, c[h.field]])) as HigherTaxa;
  const words = name.split(' ');
  const species = words.slice(0, 2).join(' ');
  for (const [taxonomy, n, rank, from] of [['CITES', name, null, 'its CITES concept'], ['CITES', species, 'SPECIES', 'its species in CITES'], ['CMS', species, 'SPECIES', 'its species in CMS'],
    ['CITES', words[0], 'GENUS', 'its genus in CITES'], ['CMS', words[0], 'GENUS', 'its genus in CMS']] as const) {
    if (n === name && rank) continue;
    const c = index.byFullName(taxonomy, n, rank);
    if (c?.kingdomName) return { higher: { ...pick(c), genusName: words[0] }, from };
  }
  return { higher: { kingdomName: 'Animalia', phylumName: null, className: null, orderName: null, familyName: null, genusName: words[0] }, from: 'its name only (higher taxa unknown to both taxonomies)' };
}

/** CMS concepts with an Appendix II listing of their own (an uplisting ends it). */
async function ownAppendixII(ctx: ImportContext): Promise<Set<number>> {
  const rows = await selectRows<{ id: number }>(ctx.tx, sql`
    select distinct taxon_concept_id as id from listing_changes where convention = 'CMS' and appendix = 'II' and change_type = 'ADDITION' and same_as is null`);
  return new Set(rows.map((r) => Number(r.id)));
}
