// Database side of the listing engine: load the taxon tree and listing
// changes (all, or a subtree with its ancestors), and write taxon_listings.
// Only SQL here; the rules are in status.ts.
import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import type { ChangeType, Convention, ListingChange, Reason, TaxonNode, TaxonStatus } from './types.js';
import { CONVENTIONS } from './types.js';
import { checklistExceptions as notListedByChecklist } from './checklist.js';

/** Rows of a query on the database or an open transaction (PGlite and node-postgres shapes). */
export async function rows<T>(q: Queryable, query: SQL): Promise<T[]> {
  const res = (await q.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}

interface NodeRow { id: number; full_name: string; rank: string; parent_id: number | null; in_checklist: boolean; cites_listing?: string | null; cms_listing?: string | null }

const NODE_COLUMNS = sql`c.id, c.full_name, c.rank, c.parent_id, (c.data ? 'currentListing') as in_checklist`;
/** Synonyms and trade names are not in the tree; their accepted concept is. */
const IN_TREE = sql`c.deleted_at is null and c.name_status not in ('S', 'T')`;

function toNode(r: NodeRow): TaxonNode {
  return { id: Number(r.id), name: r.full_name, rank: r.rank, parentId: r.parent_id === null ? null : Number(r.parent_id) };
}

export interface LoadedTree {
  nodes: TaxonNode[];
  changes: ListingChange[];
  /** Nodes whose status is computed and written (the others only stand in for their stored summary). */
  computed: number[];
}

/**
 * An int[] parameter. Used as `x in (select unnest(...))`, which PostgreSQL
 * hashes; `x = any(array)` scans the whole array for every row.
 */
const intArray = (ids: number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

/** The whole tree and every listing change. */
export async function loadAll(q: Queryable): Promise<LoadedTree> {
  const nodeRows = await rows<NodeRow>(q, sql`select ${NODE_COLUMNS} from taxon_concepts c where ${IN_TREE}`);
  const changes = await loadChanges(q, sql`true`);
  const nodes = nodeRows.map(toNode);
  return { nodes, changes: [...changes, ...checklistExceptions(nodeRows, changes)], computed: nodes.map((n) => n.id) };
}

/**
 * What a change to `ids` affects: their subtrees (inheritance flows down) and
 * their ancestors (summaries fold up). Siblings along the way are loaded with
 * their stored summaries only.
 */
export async function loadAffected(q: Queryable, ids: number[]): Promise<LoadedTree> {
  const down = await descendants(q, ids);
  const up = await rows<{ id: number }>(q, sql`
    with recursive up(id, parent_id) as (
      select c.id, c.parent_id from taxon_concepts c where c.id in (select unnest(${intArray(ids)}))
      union select c.id, c.parent_id from taxon_concepts c join up u on c.id = u.parent_id
    ) select id from up`);
  const ancestorIds = new Set(up.map((r) => Number(r.id)));
  const allIds = [...new Set([...down, ...ancestorIds])];
  const affected = (await rows<NodeRow>(q, sql`
    select ${NODE_COLUMNS} from taxon_concepts c where c.id in (select unnest(${intArray(allIds)}))`))
    .map((r) => ({ ...r, is_ancestor: ancestorIds.has(Number(r.id)) }));
  const computedIds = new Set(affected.map((r) => Number(r.id)));
  // Only the ancestors' other children stand in with their stored summary (the subtree is computed whole).
  const parents = affected.filter((r) => r.is_ancestor).map((r) => Number(r.id));
  const siblings = parents.length ? await rows<NodeRow>(q, sql`
    select ${NODE_COLUMNS},
      (select l.listing from taxon_listings l where l.taxon_concept_id = c.id and l.convention = 'CITES') as cites_listing,
      (select l.listing from taxon_listings l where l.taxon_concept_id = c.id and l.convention = 'CMS') as cms_listing
    from taxon_concepts c
    where c.parent_id in (select unnest(${intArray(parents)})) and ${IN_TREE}`) : [];
  const nodes = affected.map(toNode);
  for (const s of siblings) {
    if (computedIds.has(Number(s.id))) continue;
    nodes.push({ ...toNode(s), knownSummary: { CITES: s.cites_listing ?? null, CMS: s.cms_listing ?? null } });
  }
  const ids2 = [...computedIds];
  const changes = await loadChanges(q, sql`lc.taxon_concept_id in (select unnest(${intArray(ids2)}))`);
  return { nodes, changes: [...changes, ...checklistExceptions(affected, changes)], computed: ids2 };
}

/**
 * `ids` and all their descendants, one tree level per query (a recursive CTE
 * here gets a nested-loop plan that takes the better part of a minute on
 * Orchidaceae).
 */
async function descendants(q: Queryable, ids: number[]): Promise<number[]> {
  const seen = new Set(ids);
  let frontier = ids;
  while (frontier.length) {
    const next = await rows<{ id: number }>(q, sql`
      select c.id from taxon_concepts c where c.parent_id in (select unnest(${intArray(frontier)})) and ${IN_TREE}`);
    frontier = next.map((r) => Number(r.id)).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return [...seen];
}

/** A concept and its ancestors and descendants, for a status on a date. */
export async function loadLineage(q: Queryable, id: number): Promise<LoadedTree> {
  const up = await rows<{ id: number }>(q, sql`
    with recursive up(id, parent_id) as (
      select c.id, c.parent_id from taxon_concepts c where c.id = ${id}
      union select c.id, c.parent_id from taxon_concepts c join up u on c.id = u.parent_id
    ) select id from up`);
  const all = [...new Set([...(await descendants(q, [id])), ...up.map((r) => Number(r.id))])];
  const lineage = await rows<NodeRow>(q, sql`select ${NODE_COLUMNS} from taxon_concepts c where c.id in (select unnest(${intArray(all)}))`);
  const ids = lineage.map((r) => Number(r.id));
  const changes = await loadChanges(q, sql`lc.taxon_concept_id in (select unnest(${intArray(ids)}))`);
  return { nodes: lineage.map(toNode), changes: [...changes, ...checklistExceptions(lineage, changes)], computed: ids };
}

interface ChangeRow {
  id: number; taxon_concept_id: number; convention: string; appendix: string; change_type: string;
  effective_at: string | Date | null; party_iso2: string | null; is_current: boolean;
  populations_included: string[] | null; populations_excluded: string[] | null;
  inclusion_taxon_concept_id: number | null; excluded_taxon_concept_ids: number[] | null;
  annotation_en: string | null; annotation_es: string | null; annotation_fr: string | null; hash_symbol: string | null;
  as_of: string | null;
}

async function loadChanges(q: Queryable, where: SQL): Promise<ListingChange[]> {
  const list = await rows<ChangeRow>(q, sql`
    select lc.id, lc.taxon_concept_id, lc.convention, lc.appendix, lc.change_type, lc.effective_at::text as effective_at,
      lc.party_iso2, lc.is_current, lc.populations_included, lc.populations_excluded, lc.inclusion_taxon_concept_id,
      lc.excluded_taxon_concept_ids, lc.annotation_en, lc.annotation_es, lc.annotation_fr, lc.hash_symbol,
      case when lc.effective_at is null then (select r.as_of::text from import_runs r where r.id = lc.import_run_id) end as as_of
    from listing_changes lc where lc.same_as is null and ${where}`);
  return list.filter((r) => r.convention === 'CITES' || r.convention === 'CMS').map((r) => ({
    id: Number(r.id),
    taxonConceptId: Number(r.taxon_concept_id),
    convention: r.convention as Convention,
    appendix: r.appendix,
    changeType: r.change_type as ChangeType,
    effectiveAt: r.effective_at === null ? null : String(r.effective_at instanceof Date ? r.effective_at.toISOString() : r.effective_at).slice(0, 10),
    asOf: r.as_of ? String(r.as_of).slice(0, 10) : null,
    partyIso2: r.party_iso2?.trim() || null,
    isCurrent: r.is_current,
    populationsIncluded: r.populations_included ?? [],
    populationsExcluded: r.populations_excluded ?? [],
    inclusionTaxonConceptId: r.inclusion_taxon_concept_id === null ? null : Number(r.inclusion_taxon_concept_id),
    excludedTaxonConceptIds: (r.excluded_taxon_concept_ids ?? []).map(Number),
    // The long texts (full annotation, # annotation) stay in listing_changes: reasons point there by changeId.
    annotation: { en: r.annotation_en, es: r.annotation_es, fr: r.annotation_fr },
    hashSymbol: r.hash_symbol,
  }));
}

/** The Checklist's "named, not listed" exceptions (checklist.ts) for loaded node rows. */
function checklistExceptions(nodeRows: NodeRow[], changes: ListingChange[]): ListingChange[] {
  return notListedByChecklist(nodeRows.map((r) => ({ ...toNode(r), inChecklist: r.in_checklist })), changes);
}

/**
 * Make the stored status of `ids` equal to `status` (rows only where there is
 * something to say). Rows whose content is unchanged are left alone: each
 * stored row's md5 is compared with the md5 of the text PostgreSQL would
 * print for the new one, so a full recompute after a small change writes
 * little. Returns the number of rows written.
 */
export async function writeListings(q: Queryable, ids: number[], status: Map<number, TaxonStatus>, opts: { all?: boolean } = {}): Promise<number> {
  const want = new Map<string, { t: number; c: Convention; l: string | null; a: string[]; r: Reason[]; h: string }>();
  for (const id of ids) {
    const s = status.get(id);
    if (!s) continue;
    for (const c of CONVENTIONS) {
      const cs = s[c];
      if (cs.listing === null && !cs.appendices.length && !cs.reasons.length) continue;
      const r = cs.reasons.map(compactReason);
      want.set(`${id}|${c}`, { t: id, c, l: cs.listing, a: cs.appendices, r, h: rowHash(cs.listing, cs.appendices, r) });
    }
  }
  const scope = opts.all ? sql`true` : sql`taxon_concept_id in (select unnest(${intArray(ids)}))`;
  const stored = await rows<{ t: number; c: string; h: string }>(q, sql`
    select taxon_concept_id as t, convention as c,
      md5(coalesce(listing, '') || '|' || appendices::text || '|' || reasons::text) as h
    from taxon_listings where ${scope}`);
  const stale: string[] = [];
  for (const s of stored) {
    const key = `${s.t}|${s.c}`;
    const w = want.get(key);
    if (w && w.h === s.h) want.delete(key); // unchanged
    else stale.push(key);
  }
  for (let i = 0; i < stale.length; i += 5_000) {
    const part = stale.slice(i, i + 5_000);
    await q.execute(sql`delete from taxon_listings where (taxon_concept_id, convention) in
      (select * from unnest(${`{${part.map((k) => k.split('|')[0]).join(',')}}`}::int[], ${`{${part.map((k) => k.split('|')[1]).join(',')}}`}::text[]))`);
  }
  const out = [...want.values()];
  // Multi-row VALUES, one JSON text per row: PGlite parses many small documents
  // far faster than one large array.
  for (let i = 0; i < out.length; i += 2_000) {
    const values = out.slice(i, i + 2_000).map((r) =>
      sql`(${r.t}::int, ${r.c}, ${r.l}, ${pgTextArray(r.a)}::text[], ${JSON.stringify(r.r)}::jsonb)`);
    await q.execute(sql`insert into taxon_listings (taxon_concept_id, convention, listing, appendices, reasons) values ${sql.join(values, sql`, `)}`);
  }
  return out.length;
}

/** md5 of what PostgreSQL prints for a stored row (see writeListings). */
function rowHash(listing: string | null, appendices: string[], reasons: Reason[]): string {
  return createHash('md5').update(`${listing ?? ''}|${pgArrayOut(appendices)}|${jsonbText(reasons)}`).digest('hex');
}

/** text[] as PostgreSQL prints it: {I,II,"West African Elephants"} */
function pgArrayOut(items: string[]): string {
  return `{${items.map((s) => (s === '' || /[\s{},"\\]/.test(s) || s.toUpperCase() === 'NULL' ? `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"` : s)).join(',')}}`;
}

/** jsonb as PostgreSQL prints it: keys by length then bytes, ", " and ": " separators. */
function jsonbText(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(jsonbText).join(', ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = jsonbKeyOrder(Object.keys(o).filter((k) => o[k] !== undefined));
    let out = '{';
    for (let i = 0; i < keys.length; i++) out += `${i ? ', ' : ''}${jsonbString(keys[i])}: ${jsonbText(o[keys[i]])}`;
    return `${out}}`;
  }
  if (typeof v === 'string') return jsonbString(v);
  return JSON.stringify(v);
}

/** Reasons come in a dozen shapes: sort each key set once (by byte length, then bytes). */
const KEY_ORDERS = new Map<string, string[]>();
function jsonbKeyOrder(keys: string[]): string[] {
  const sig = keys.join('\u0000');
  let order = KEY_ORDERS.get(sig);
  if (!order) {
    order = [...keys].sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    KEY_ORDERS.set(sig, order);
  }
  return order;
}

const NEEDS_ESCAPE = /[\u0000-\u001f"\\]/;
function jsonbString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  return `"${s.replace(/[\u0000-\u001f"\\]/g, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** ['II', 'West African Elephants'] -> '{"II","West African Elephants"}' */
function pgTextArray(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Stored reasons keep the English annotation; Spanish and French (the same
 * text on thousands of orchids) are read back from listing_changes by
 * changeId when a status is shown (see withAnnotations).
 */
function compactReason(r: Reason): Reason {
  return r.kind === 'annotation' && typeof r.changeId === 'number' ? { ...r, es: null, fr: null } : r;
}

/** Fill the annotation texts of stored reasons (es, fr, # annotation) from their listing changes. */
export async function withAnnotations(q: Queryable, reasons: Reason[]): Promise<Reason[]> {
  const ids = reasons.flatMap((r) => (r.kind === 'annotation' && typeof r.changeId === 'number' ? [r.changeId] : []));
  if (!ids.length) return reasons;
  const found = await rows<{ id: number; annotation_en: string | null; annotation_es: string | null; annotation_fr: string | null; hash_annotation_en: string | null }>(q, sql`
    select id, annotation_en, annotation_es, annotation_fr, hash_annotation_en from listing_changes where id in (select unnest(${intArray(ids)}))`);
  const byId = new Map(found.map((f) => [Number(f.id), f]));
  return reasons.map((r) => {
    if (r.kind !== 'annotation' || typeof r.changeId !== 'number') return r;
    const f = byId.get(r.changeId);
    return f ? { ...r, en: f.annotation_en, es: f.annotation_es, fr: f.annotation_fr, hashAnnotation: f.hash_annotation_en } : r;
  });
}
