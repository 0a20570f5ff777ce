// Taxon concepts of the Species+ 2013 seed (animalia_taxa / plantae_taxa) and
// their synonyms (animalia_synonyms / plantae_synonyms). One 2013 file held
// both conventions' taxonomies; the Designation column says which:
// CITES_EU -> the CITES taxonomy, CMS -> the CMS taxonomy, "CITES_EU,CMS" ->
// one concept in each. legacy_id = '<A|P>:<RANK>:<RecID>' (RecID repeats
// across ranks); synonyms 'A:SYN:<RANK>:<RecID>'. A concept that the 2017
// Checklist already named (speciesplus_id set) keeps its full name and author.
import { eq, isNotNull } from 'drizzle-orm';
import { taxonConcepts, taxonRelationships } from '../../db/schema.js';
import { nameKey } from '../../taxonomy/keys.js';
import { readCsv } from '../csv.js';
import type { ImportContext, Importer } from '../run.js';
import { clean, kingdomOfFile, legacyKey, legacyRank, legacySynonymKey, taxonomiesOf, type TaxonomyId, legacyAsOf } from '../cells/legacy.js';
import { countLines, syncFacts, type Fact, type FactStatus } from '../write/facts.js';
import { resolveTree, type Resolved, type TreeRow } from '../cells/tree2013.js';
import type { Rank } from '../../taxonomy/ranks.js';

const DIR = 'sapi-legacy-2013/lib/files';
const STATUSES = new Set(['A', 'N', 'H', 'S']);

interface Row extends TreeRow {
  line: number;
  recId: string;
  status: string;
  author: string | null;
  notes: string | null;
  designation: string;
  taxonomies: TaxonomyId[];
  sourceName: string;
  sourceRank: string;
  accepted?: string | null;
}

type Existing = Map<string, Record<string, unknown> & { id: number }>;

async function existingConcepts(ctx: ImportContext): Promise<Existing> {
  const rows = await ctx.tx.select().from(taxonConcepts).where(isNotNull(taxonConcepts.legacyId));
  return new Map(rows.map((c) => [`${c.taxonomyId}|${c.legacyId}`, c as unknown as Record<string, unknown> & { id: number }]));
}

const HIGHER: [Rank, string][] = [['KINGDOM', 'kingdomName'], ['PHYLUM', 'phylumName'], ['CLASS', 'className'], ['ORDER', 'orderName'], ['FAMILY', 'familyName'], ['GENUS', 'genusName']];

function conceptValues(row: Row, tax: TaxonomyId, r: Resolved, legacyId: string, nameStatus: string): Record<string, unknown> {
  const values: Record<string, unknown> = {
    taxonomyId: tax, legacyId, fullName: r.fullName, authorYear: row.author, rank: row.rank, nameStatus,
    nameKey: nameKey(r.fullName),
    data: { designation: row.designation, recId: row.recId, sourceName: row.sourceName, sourceRank: row.sourceRank, ...(row.notes ? { notes: row.notes } : {}) },
  };
  for (const [rank, col] of HIGHER) values[col] = r.ranks[rank] ?? null;
  return values;
}

/**
 * A newer source (the 2017 Checklist, the API) took this concept over
 * (speciesplus_id set): it owns name, author, rank, status, parent, higher
 * taxa and data now, so a 2013 re-import leaves the concept as it is. The
 * same holds when another file wrote the concept last (the Checklist re-parents
 * 2013 concepts it does not merge).
 */
const OWNED_BY_NEWER = ['fullName', 'authorYear', 'nameKey', 'rank', 'nameStatus', 'parentId', 'kingdomName', 'phylumName', 'className', 'orderName', 'familyName', 'genusName', 'data'];
const keepNewerName = (ctx: ImportContext) => (before: Record<string, unknown>) =>
  (before.speciesplusId != null || (before.sourceFile != null && before.sourceFile !== ctx.fileName) ? OWNED_BY_NEWER : []);

export const importers: Importer[] = [
  {
    format: 'sapi-taxa',
    asOf: legacyAsOf,
    description: 'Species+ 2013 taxon concepts of the CITES and CMS taxonomies (animalia_taxa_utf8.csv, plantae_taxa_utf8.csv)',
    seed: [
      { order: 40, path: `${DIR}/animals/animalia_taxa_utf8.csv` },
      { order: 41, path: `${DIR}/plants/plantae_taxa_utf8.csv` },
    ],
    async run(ctx) {
      const kingdom = kingdomOfFile(ctx.fileName);
      const { rows } = await readRows(ctx, kingdom, { parentColumn: 'ParentRecID', synonyms: false });
      const resolved = resolveTree(new Map([...rows].map(([k, r]) => [k, r])));
      const facts: (Fact & { depth: number; parentKey: string | null; tax: TaxonomyId })[] = [];
      for (const [key, row] of rows) {
        const r = resolved.get(key)!;
        if (!r.ok) { ctx.reject(row.line, 'ParentRecID', r.reason); continue; }
        for (const tax of row.taxonomies) {
          facts.push({
            key: `${tax}|${key}`, line: row.line, depth: r.value.depth, tax,
            parentKey: row.parentKey ? `${tax}|${row.parentKey}` : null,
            values: conceptValues(row, tax, r.value, key, row.status),
          });
        }
      }
      const existing = await existingConcepts(ctx);
      const ids = new Map<string, number>([...existing].map(([k, c]) => [k, c.id]));
      const status = new Map<string, FactStatus>();
      // Parents first, so each level can point at the ids of the level above.
      const maxDepth = Math.max(0, ...facts.map((f) => f.depth));
      for (let d = 0; d <= maxDepth; d++) {
        const level = facts.filter((f) => f.depth === d);
        for (const f of level) f.values.parentId = f.parentKey ? (ids.get(f.parentKey) ?? null) : null;
        const res = await syncFacts(ctx, taxonConcepts, level, { existing, keep: keepNewerName(ctx) });
        for (const [k, id] of res.ids) ids.set(k, id);
        for (const [k, s] of res.status) status.set(k, s);
      }
      countLines(ctx, facts, status);
    },
  },
  {
    format: 'sapi-synonyms',
    asOf: legacyAsOf,
    description: 'Species+ 2013 synonyms with their accepted names (animalia_synonyms_utf8.csv, plantae_synonyms_utf8.csv): status S concepts and HAS_SYNONYM relationships',
    seed: [
      { order: 42, path: `${DIR}/animals/animalia_synonyms_utf8.csv` },
      { order: 43, path: `${DIR}/plants/plantae_synonyms_utf8.csv` },
    ],
    async run(ctx) {
      const kingdom = kingdomOfFile(ctx.fileName);
      const { rows, extraAccepted } = await readRows(ctx, kingdom, { parentColumn: 'Parent recID', synonyms: true });
      const existing = await existingConcepts(ctx);
      // A synonym's parent (its genus or species) is a synonym of this file or an accepted concept.
      const accepted = new Map<string, Resolved>();
      for (const c of existing.values()) {
        const legacyId = c.legacyId as string;
        if (!legacyId.startsWith(`${kingdom}:`) || legacyId.includes(':SYN:')) continue;
        accepted.set(legacyId, { fullName: c.fullName as string, ranks: hierarchyOf(c), depth: 0 });
      }
      const tree = new Map<string, TreeRow>();
      for (const [k, r] of rows) tree.set(k, { ...r, parentKey: r.parentKey && !rows.has(r.parentKey) ? r.parentKey.replace(':SYN:', ':') : r.parentKey });
      const resolved = resolveTree(tree, (key) => accepted.get(key));
      const facts: Fact[] = [];
      const links: { line: number; tax: TaxonomyId; acceptedKey: string; synKey: string }[] = [];
      for (const [key, row] of rows) {
        const r = resolved.get(key)!;
        if (!r.ok) { ctx.reject(row.line, 'Parent recID', r.reason); continue; }
        let ok = true;
        for (const tax of row.taxonomies) {
          if (row.accepted && !existing.has(`${tax}|${row.accepted}`)) {
            ctx.reject(row.line, 'AcceptedRecID', `an accepted taxon of the ${tax} taxonomy; ${row.accepted} is not one`);
            ok = false;
          }
        }
        if (!ok) continue;
        for (const tax of row.taxonomies) {
          facts.push({ key: `${tax}|${key}`, line: row.line, values: { ...conceptValues(row, tax, r.value, key, 'S'), parentId: null } });
          if (row.accepted) links.push({ line: row.line, tax, acceptedKey: `${tax}|${row.accepted}`, synKey: `${tax}|${key}` });
        }
        // Further accepted names of the same synonym (same RecID on another line).
        for (const extra of extraAccepted.get(key) ?? []) {
          for (const tax of row.taxonomies) {
            if (existing.has(`${tax}|${extra.accepted}`)) links.push({ line: extra.line, tax, acceptedKey: `${tax}|${extra.accepted}`, synKey: `${tax}|${key}` });
            else ctx.reject(extra.line, 'AcceptedRecID', `an accepted taxon of the ${tax} taxonomy; ${extra.accepted} is not one`);
          }
        }
      }
      const { status, ids } = await syncFacts(ctx, taxonConcepts, facts, { existing, keep: keepNewerName(ctx) });
      const relFacts: Fact[] = links.map((l) => {
        const a = existing.get(l.acceptedKey)!.id;
        const s = ids.get(l.synKey)!;
        return { key: `HAS_SYNONYM|${a}|${s}`, line: l.line, values: { type: 'HAS_SYNONYM', taxonConceptId: a, otherTaxonConceptId: s } };
      });
      const existingRels = new Map((await ctx.tx.select().from(taxonRelationships).where(eq(taxonRelationships.type, 'HAS_SYNONYM')))
        .map((r) => [`HAS_SYNONYM|${r.taxonConceptId}|${r.otherTaxonConceptId}`, r as unknown as Record<string, unknown> & { id: number }]));
      const rel = await syncFacts(ctx, taxonRelationships, dedupe(relFacts), { existing: existingRels });
      const noAccepted = [...rows.values()].filter((r) => !r.accepted).length;
      if (noAccepted) ctx.note(`${noAccepted} synonyms have no accepted name (AcceptedRecID empty): imported as status S without a relationship`);
      countLines(ctx, [...facts, ...relFacts], new Map([...status, ...rel.status]));
    },
  },
];

function dedupe(facts: Fact[]): Fact[] {
  const seen = new Set<string>();
  return facts.filter((f) => (seen.has(f.key) ? false : (seen.add(f.key), true)));
}

function hierarchyOf(c: Record<string, unknown>): Resolved['ranks'] {
  const out: Resolved['ranks'] = {};
  for (const [rank, col] of HIGHER) if (c[col]) out[rank] = c[col] as string;
  out[c.rank as Rank] = c.fullName as string;
  return out;
}

/** Read and check every row; rows are kept in memory (parents may come later in the file). */
async function readRows(ctx: ImportContext, kingdom: 'A' | 'P', opts: { parentColumn: string; synonyms: boolean }) {
  const extraAccepted = new Map<string, { line: number; accepted: string }[]>();
  const required = ['Scientific name', 'Rank', 'RecID', 'ParentRank', opts.parentColumn, 'Status', 'Species Author', 'Designation'];
  if (opts.synonyms) required.push('AcceptedRank', 'AcceptedRecID');
  const rows = new Map<string, Row>();
  const keyOf = (rank: Rank, id: string) => (opts.synonyms ? legacySynonymKey(kingdom, rank, id) : legacyKey(kingdom, rank, id));
  for await (const { line, values: v } of readCsv(ctx.file, { required, onBytes: ctx.progress })) {
    if (Object.values(v).every((x) => !x.trim())) continue; // a blank record of commas
    const rank = legacyRank(v.Rank);
    if (!rank) { ctx.reject(line, 'Rank', `a known rank (${'KINGDOM ... VARIETY'}), got '${v.Rank}'`); continue; }
    const recId = v.RecID.trim();
    if (!/^\d+$/.test(recId)) { ctx.reject(line, 'RecID', `a numeric RecID, got '${v.RecID}'`); continue; }
    const name = v['Scientific name'].trim();
    if (!name) { ctx.reject(line, 'Scientific name', 'a name'); continue; }
    let status = v.Status.trim().toUpperCase();
    if (opts.synonyms) {
      if (status === '') status = 'S';
      if (status !== 'S') { ctx.reject(line, 'Status', `S in a synonyms file, got '${v.Status}'`); continue; }
    } else if (!STATUSES.has(status)) { ctx.reject(line, 'Status', `one of A, N, H, S, got '${v.Status}'`); continue; }
    const taxonomies = taxonomiesOf(v.Designation);
    if (taxonomies.length === 0) { ctx.reject(line, 'Designation', `CITES_EU, CMS or both, got '${v.Designation}'`); continue; }
    let parentKey: string | null = null;
    const parentId = v[opts.parentColumn].trim();
    if (parentId) {
      const parentRank = legacyRank(v.ParentRank);
      if (!parentRank) { ctx.reject(line, 'ParentRank', `a known rank, got '${v.ParentRank}'`); continue; }
      parentKey = keyOf(parentRank, parentId);
    } else if (rank !== 'KINGDOM' && !(opts.synonyms && rank === 'GENUS')) {
      ctx.reject(line, opts.parentColumn, `a parent for a ${rank.toLowerCase()}`); continue;
    }
    let accepted: string | null = null;
    if (opts.synonyms && v.AcceptedRecID.trim()) {
      const aRank = legacyRank(v.AcceptedRank);
      if (!aRank) { ctx.reject(line, 'AcceptedRank', `a known rank, got '${v.AcceptedRank}'`); continue; }
      accepted = legacyKey(kingdom, aRank, v.AcceptedRecID);
    }
    const key = keyOf(rank, recId);
    const prev = rows.get(key);
    if (prev) {
      // A synonym of two accepted names is written once per accepted name.
      if (opts.synonyms && prev.name === name && accepted && accepted !== prev.accepted) {
        const list = extraAccepted.get(key) ?? [];
        list.push({ line, accepted });
        extraAccepted.set(key, list);
        continue;
      }
      ctx.reject(line, 'RecID', `a unique ${rank} RecID; ${recId} is already on line ${prev.line}`); continue;
    }
    rows.set(key, {
      key, line, name, rank, parentKey, recId, status, author: clean(v['Species Author']), notes: clean(v.notes ?? v.Notes),
      designation: v.Designation.trim(), taxonomies, sourceName: v['Scientific name'], sourceRank: v.Rank, accepted,
    });
  }
  return { rows, extraAccepted };
}
