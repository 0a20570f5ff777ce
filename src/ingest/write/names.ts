// Common names and distributions, shared by the 2013 seed and the current
// Species+ deltas: they differ only in how a row names its taxon.
import { commonNames, distributions } from '../../db/schema.js';
import { DISTRIBUTION_TAGS } from '../../taxonomy/ranks.js';
import { nameKey } from '../../taxonomy/keys.js';
import type { ImportContext } from '../run.js';
import { readCsv } from '../csv.js';
import { clean } from '../cells/legacy.js';
import { syncFacts, countLines, type Fact } from './facts.js';
import { readMeta } from './lookups.js';

export const LANGUAGES_META_KEY = 'sapi.languages';

/** 3-letter Species+ language code -> ISO 639-1 (from the sapi-languages import). */
export async function loadLanguages(ctx: ImportContext): Promise<Map<string, string>> {
  const map = (await readMeta<Record<string, string>>(ctx.tx, LANGUAGES_META_KEY)) ?? {};
  return new Map(Object.entries(map));
}

export interface NameInput { line: number; conceptIds: number[]; name: string; language: string }

/** A rejected row: the field at fault and what was expected. */
export interface RowProblem { field: string; reason: string }

/**
 * Read a Species+ common-names file (ComName, LangShort, RecId, Rank,
 * Designation: the 2013 seed and the current CMS upload share it) and write
 * the names; `resolve` maps a row to its taxon concepts.
 */
export async function importCommonNames(ctx: ImportContext, resolve: (v: Record<string, string>) => number[] | RowProblem): Promise<void> {
  const languages = await loadLanguages(ctx);
  if (languages.size === 0) ctx.note('no language table: import languages_utf8.csv (sapi-languages) first');
  const input: NameInput[] = [];
  for await (const { line, values: v } of readCsv(ctx.file, { required: ['ComName', 'LangShort', 'RecId', 'Rank', 'Designation'], onBytes: ctx.progress })) {
    const name = clean(v.ComName);
    if (!name) { ctx.reject(line, 'ComName', 'a common name'); continue; }
    const language = languages.get(v.LangShort.trim().toUpperCase());
    if (!language) { ctx.reject(line, 'LangShort', `a language of languages_utf8.csv, got '${v.LangShort}'`); continue; }
    const ids = resolve(v);
    if (!Array.isArray(ids)) { ctx.reject(line, ids.field, ids.reason); continue; }
    input.push({ line, conceptIds: ids, name: name.replace(/\s+/g, ' '), language });
  }
  await writeCommonNames(ctx, input);
}

export async function writeCommonNames(ctx: ImportContext, input: NameInput[]): Promise<void> {
  const existing = new Map((await ctx.tx.select().from(commonNames)).map((c) => [`${c.taxonConceptId}|${c.language}|${c.name}`, c as unknown as Record<string, unknown> & { id: number }]));
  const facts: Fact[] = [];
  const seen = new Set<string>();
  for (const n of input) {
    for (const id of n.conceptIds) {
      const key = `${id}|${n.language}|${n.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push({ key, line: n.line, values: { taxonConceptId: id, name: n.name, language: n.language, nameKey: nameKey(n.name) } });
    }
  }
  // A line whose names were all written by an earlier line counts as unchanged.
  const lines = new Set(facts.map((f) => f.line));
  const { status } = await syncFacts(ctx, commonNames, facts, { existing, compare: ['nameKey'] });
  countLines(ctx, facts, status);
  ctx.counts.unchanged += input.filter((n) => !lines.has(n.line)).length;
}

/** 'distribution uncertain, extinct' -> ['DISTRIBUTION UNCERTAIN', 'EXTINCT']; null when a tag is unknown. */
export function parseTags(value: string | undefined): string[] | null {
  const tags = (value ?? '').split(',').map((t) => t.trim().toUpperCase().replace(/\s+/g, ' ')).filter(Boolean);
  if (tags.some((t) => !(DISTRIBUTION_TAGS as readonly string[]).includes(t))) return null;
  return [...new Set(tags)].sort();
}

export interface DistributionInput { line: number; conceptIds: number[]; geoId: number; tags: string[] }

export interface WriteDistributionOptions {
  /** Tags of this file replace the stored ones (a tags file) or are merged in (default: replace). */
  mergeTags?: boolean;
  /** Leave the tags of a distribution another file wrote last (an older source under a newer one). */
  yieldToOthers?: boolean;
}

export async function writeDistributions(ctx: ImportContext, input: DistributionInput[], opts: WriteDistributionOptions = {}): Promise<void> {
  const existing = new Map((await ctx.tx.select().from(distributions)).map((d) => [`${d.taxonConceptId}|${d.geoEntityId}`, d as unknown as Record<string, unknown> & { id: number }]));
  const byKey = new Map<string, Fact>();
  for (const d of input) {
    for (const id of d.conceptIds) {
      const key = `${id}|${d.geoId}`;
      const prev = byKey.get(key);
      if (prev) { prev.values.tags = [...new Set([...(prev.values.tags as string[]), ...d.tags])].sort(); continue; }
      byKey.set(key, { key, line: d.line, values: { taxonConceptId: id, geoEntityId: d.geoId, tags: d.tags } });
    }
  }
  const facts = [...byKey.values()];
  if (opts.mergeTags) {
    for (const f of facts) {
      const before = existing.get(f.key);
      if (before) f.values.tags = [...new Set([...(before.tags as string[]), ...(f.values.tags as string[])])].sort();
    }
  }
  const lines = new Set(facts.map((f) => f.line));
  const keep = opts.yieldToOthers ? (before: Record<string, unknown>) => (before.sourceFile !== ctx.fileName ? ['tags'] : []) : undefined;
  const { status } = await syncFacts(ctx, distributions, facts, { existing, keep });
  countLines(ctx, facts, status);
  ctx.counts.unchanged += input.filter((d) => !lines.has(d.line)).length;
}
