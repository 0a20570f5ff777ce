// Database reads of the tracker (the one module of src/programme that does I/O;
// the parser, domain rules and presenters beside it are pure).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { stem } from '../names/stemmer.js';
import { joinedColumns, type JoinedRow } from '../listings/current.js';
import { isSpeciesOrBelow } from '../taxonomy/ranks.js';
import { conceptLinks, taxonConcepts } from '../db/schema.js';
import {
  activities, activitySpeciesGroups, auditEvents, fundingRecords, programmeThemes, programmes, progressEntries,
  progressLinks, speciesGroupTaxa, speciesGroups,
} from '../db/schema-programme.js';

export type ProgrammeRow = typeof programmes.$inferSelect;
export type ActivityRow = typeof activities.$inferSelect;
export type ThemeRow = typeof programmeThemes.$inferSelect;
export type ProgressRow = typeof progressEntries.$inferSelect & { links: (typeof progressLinks.$inferSelect)[]; sharedFrom: string | null };

export async function listProgrammes(db: Queryable) {
  return db.select().from(programmes).orderBy(desc(programmes.periodStart));
}

export async function programmeByCode(db: Queryable, code: string): Promise<ProgrammeRow | undefined> {
  const [p] = await db.select().from(programmes).where(eq(programmes.code, code));
  return p;
}

export async function themesOf(db: Queryable, programmeId: number) {
  return db.select().from(programmeThemes).where(eq(programmeThemes.programmeId, programmeId)).orderBy(asc(programmeThemes.position));
}

export async function activitiesOf(db: Queryable, programmeId: number) {
  return db.select().from(activities).where(eq(activities.programmeId, programmeId)).orderBy(asc(activities.position));
}

export async function activityByCode(db: Queryable, programmeId: number, code: string): Promise<ActivityRow | undefined> {
  const [a] = await db.select().from(activities).where(and(eq(activities.programmeId, programmeId), eq(activities.code, code)));
  return a;
}

/** Progress of the given activities: entries filed on them, and entries filed on another activity of the same table row. */
export async function progressOf(db: Queryable, activityIds: number[]): Promise<Map<number, ProgressRow[]>> {
  const out = new Map<number, ProgressRow[]>(activityIds.map((id) => [id, []]));
  if (!activityIds.length) return out;
  const shared = await db.select({ entryId: progressLinks.progressEntryId, activityId: progressLinks.targetId }).from(progressLinks)
    .where(and(eq(progressLinks.kind, 'activity'), inArray(progressLinks.targetId, activityIds)));
  const entryIds = new Set(shared.map((s) => s.entryId));
  const entries = await db.select({ e: progressEntries, code: activities.code }).from(progressEntries)
    .innerJoin(activities, eq(activities.id, progressEntries.activityId))
    .where(sql`${progressEntries.activityId} in ${activityIds} or ${progressEntries.id} in ${entryIds.size ? [...entryIds] : [0]}`)
    .orderBy(desc(progressEntries.date), asc(progressEntries.id));
  const links = entries.length ? await db.select().from(progressLinks).where(inArray(progressLinks.progressEntryId, entries.map((e) => e.e.id))) : [];
  for (const { e, code } of entries) {
    const row: ProgressRow = { ...e, links: links.filter((l) => l.progressEntryId === e.id), sharedFrom: null };
    out.get(e.activityId)?.push(row);
    for (const s of shared.filter((x) => x.entryId === e.id)) out.get(s.activityId!)?.push({ ...row, sharedFrom: code });
  }
  return out;
}

export async function fundingOf(db: Queryable, programmeId: number) {
  return db.select({ f: fundingRecords, code: activities.code }).from(fundingRecords)
    .leftJoin(activities, eq(activities.id, fundingRecords.activityId))
    .where(eq(fundingRecords.programmeId, programmeId)).orderBy(asc(fundingRecords.year));
}

export async function groupsOfActivities(db: Queryable, activityIds: number[]) {
  if (!activityIds.length) return [];
  return db.select({ activityId: activitySpeciesGroups.activityId, slug: speciesGroups.slug, name: speciesGroups.name })
    .from(activitySpeciesGroups).innerJoin(speciesGroups, eq(speciesGroups.id, activitySpeciesGroups.groupId))
    .where(inArray(activitySpeciesGroups.activityId, activityIds)).orderBy(asc(speciesGroups.position));
}

export async function listSpeciesGroups(db: Queryable) {
  const groups = await db.select().from(speciesGroups).orderBy(asc(speciesGroups.position));
  const taxa = await db.select().from(speciesGroupTaxa);
  return groups.map((g) => ({ ...g, taxa: taxa.filter((t) => t.groupId === g.id) }));
}

export async function speciesGroupBySlug(db: Queryable, slug: string) {
  const [g] = await db.select().from(speciesGroups).where(eq(speciesGroups.slug, slug));
  if (!g) return undefined;
  const taxa = await db.select().from(speciesGroupTaxa).where(eq(speciesGroupTaxa.groupId, g.id));
  return { ...g, taxa };
}

export interface GroupTaxonConcept extends JoinedRow {
  nameKey: string; id: number; taxonomyId: string; fullName: string; authorYear: string | null; rank: string; nameStatus: string;
  match: 'exact' | 'stemmed';
  /** For a higher taxon the group names: one of its taxa listed in either convention (not named by the group itself). */
  under: string | null;
}
type ConceptRow = JoinedRow & { name_key: string; id: number; taxonomy_id: string; full_name: string; author_year: string | null; rank: string; name_status: string; record_id: number | null };

/**
 * The group's taxa the way every list shows taxa: one row per species (the
 * joined record, its CITES concept for a species both taxonomies have), with
 * its status in both conventions. A name is found as an accepted name or a
 * synonym (Uncia uncia: Panthera uncia in CITES), and a binomial the document
 * spells differently ('Gyps rueppelli' / CITES 'Gyps rueppellii') by the name
 * engine's stemmed epithet within the genus. A higher taxon (Elephantidae,
 * Chondrichthyes) comes with its taxa listed in either convention.
 */
export async function conceptsForNames(db: Queryable, keys: string[]): Promise<GroupTaxonConcept[]> {
  if (!keys.length) return [];
  const wanted = new Map<string, string[]>(keys.map((k) => [k, HIGHER_TAXON_ALIASES[k] ?? [k]]));
  const allKeys = [...new Set([...wanted.values()].flat())];
  const exact = await conceptRows(db, sql`c.name_key in ${allKeys}`);
  const found = new Set(exact.map((r) => r.name_key));
  const hits: { key: string; row: ConceptRow; match: GroupTaxonConcept['match'] }[] = [];
  for (const [key, names] of wanted) for (const r of exact) if (names.includes(r.name_key)) hits.push({ key, row: r, match: 'exact' });
  for (const key of keys.filter((k) => !(wanted.get(k) ?? []).some((n) => found.has(n)) && k.split(' ').length === 2)) {
    const [genus, epithet] = key.split(' ');
    const candidates = await conceptRows(db, sql`c.name_key like ${`${genus} %`} and c.name_key not like ${`${genus} % %`}`);
    for (const r of candidates) if (stem(r.name_key.split(' ')[1]) === stem(epithet)) hits.push({ key, row: r, match: 'stemmed' });
  }
  // One row per species record.
  const out: GroupTaxonConcept[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const id = h.row.record_id ?? h.row.id;
    if (seen.has(`${h.key}|${id}`)) continue;
    seen.add(`${h.key}|${id}`);
    const rec = id === h.row.id ? h.row : (await conceptRows(db, sql`c.id = ${id}`))[0] ?? h.row;
    out.push(toConcept(rec, h.key, h.match, null));
    if (!isSpeciesOrBelow(rec.rank)) for (const d of await listedBelow(db, Number(id))) if (!seen.has(`${h.key}|${d.id}`)) { seen.add(`${h.key}|${d.id}`); out.push(toConcept(d, h.key, h.match, rec.full_name)); }
  }
  return out;
}

/**
 * Names the programme uses for a group that the taxonomies rank otherwise:
 * Chondrichthyes (cartilaginous fishes) is, in both CITES and CMS, the class
 * Elasmobranchii (sharks and rays) beside Holocephali (chimaeras).
 */
const HIGHER_TAXON_ALIASES: Record<string, string[]> = { chondrichthyes: ['chondrichthyes', 'elasmobranchii', 'holocephali'] };

/** The taxa below a higher taxon (in both taxonomies, through its record) listed in either convention, one per record. */
async function listedBelow(db: Queryable, recordId: number): Promise<ConceptRow[]> {
  const res = await db.execute(sql`
    with recursive roots as (select taxon_concept_id as id from taxon_status where record_id = ${recordId} union select ${recordId}),
    down(id) as (select id from roots union select c.id from taxon_concepts c join down d on c.parent_id = d.id where c.deleted_at is null and c.name_status = 'A')
    select distinct on (coalesce(ts.record_id, c.id)) c.name_key, r.id, r.taxonomy_id, r.full_name, r.author_year, r.rank, r.name_status, ${sql.raw(joinedColumns('rs'))}
      from down d join taxon_concepts c on c.id = d.id join taxon_status ts on ts.taxon_concept_id = c.id
      join taxon_concepts r on r.id = coalesce(ts.record_id, c.id) left join taxon_status rs on rs.taxon_concept_id = r.id
     where c.rank in ('SPECIES', 'SUBSPECIES', 'VARIETY') and (rs.cites_listing is not null or rs.cms_listing is not null)
     order by coalesce(ts.record_id, c.id)`);
  const rows = ((res as unknown as { rows?: ConceptRow[] }).rows ?? (res as unknown as ConceptRow[]));
  return rows.sort((a, b) => a.full_name.localeCompare(b.full_name));
}

async function conceptRows(db: Queryable, where: ReturnType<typeof sql>): Promise<ConceptRow[]> {
  // Synonyms stand for their accepted concept.
  const res = await db.execute(sql`
    select c.name_key, a.id, a.taxonomy_id, a.full_name, a.author_year, a.rank, a.name_status, ${sql.raw(joinedColumns('ts'))}
    from taxon_concepts c
    left join lateral (select r.taxon_concept_id from taxon_relationships r join taxon_concepts x on x.id = r.taxon_concept_id
                        where r.other_taxon_concept_id = c.id and c.name_status in ('S', 'T') and x.name_status = 'A' order by r.id limit 1) syn on true
    join taxon_concepts a on a.id = coalesce(syn.taxon_concept_id, c.id)
    left join taxon_status ts on ts.taxon_concept_id = a.id
    where ${where} and c.deleted_at is null and a.deleted_at is null and a.name_status not in ('S', 'T')
    order by c.name_key, a.taxonomy_id, a.name_status, a.id`);
  return ((res as unknown as { rows?: ConceptRow[] }).rows ?? (res as unknown as ConceptRow[]));
}

function toConcept(r: ConceptRow, nameKey: string, match: GroupTaxonConcept['match'], under: string | null): GroupTaxonConcept {
  return { ...r, nameKey, id: Number(r.id), taxonomyId: r.taxonomy_id, fullName: r.full_name, authorYear: r.author_year, rank: r.rank, nameStatus: r.name_status, match, under };
}

export async function activitiesOfGroup(db: Queryable, groupId: number) {
  return db.select({ a: activities, programmeCode: programmes.code }).from(activitySpeciesGroups)
    .innerJoin(activities, eq(activities.id, activitySpeciesGroups.activityId))
    .innerJoin(programmes, eq(programmes.id, activities.programmeId))
    .where(eq(activitySpeciesGroups.groupId, groupId)).orderBy(desc(programmes.periodStart), asc(activities.position));
}

/** The curation queue: links the automatic alignment was not sure of. */
export async function reviewQueue(db: Queryable, opts: { limit: number; offset: number }) {
  const rows = await db.select({
    link: conceptLinks,
    cmsName: sql<string>`(select full_name from taxon_concepts where id = ${conceptLinks.cmsTaxonConceptId})`,
    citesName: sql<string | null>`(select full_name from taxon_concepts where id = ${conceptLinks.citesTaxonConceptId})`,
  }).from(conceptLinks).where(eq(conceptLinks.review, true))
    .orderBy(asc(conceptLinks.confidence), asc(conceptLinks.id)).limit(opts.limit).offset(opts.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(conceptLinks).where(eq(conceptLinks.review, true));
  return { rows, total };
}

export async function conceptLinkById(db: Queryable, id: number) {
  const [l] = await db.select().from(conceptLinks).where(eq(conceptLinks.id, id));
  return l;
}

export async function taxonConceptById(db: Queryable, id: number) {
  const [c] = await db.select().from(taxonConcepts).where(eq(taxonConcepts.id, id));
  return c;
}

export interface AuditFilter { limit: number; offset: number; resourceType?: string; actor?: string; since?: string }

export async function auditLog(db: Queryable, f: AuditFilter) {
  const conds = [
    f.resourceType ? eq(auditEvents.resourceType, f.resourceType) : undefined,
    f.actor ? eq(auditEvents.actor, f.actor) : undefined,
    f.since ? sql`${auditEvents.at} >= ${f.since}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conds.length ? and(...conds) : undefined;
  const rows = await db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(f.limit).offset(f.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where);
  return { rows, total };
}

/** CMS Parties with their entry-into-force dates (kept by the CMS Secretariat). */
export async function cmsParties(db: Queryable) {
  const res = await db.execute(sql`
    select g.iso2, g.name_en, p.entry_into_force::text as entry_into_force, p.source_file
      from party_memberships p join geo_entities g on g.id = p.geo_entity_id
     where p.convention = 'CMS' and p.is_party order by g.name_en`);
  type Row = { iso2: string; name_en: string; entry_into_force: string | null; source_file: string | null };
  return ((res as unknown as { rows?: Row[] }).rows ?? (res as unknown as Row[]));
}
