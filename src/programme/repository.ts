// Database reads of the tracker (the one module of src/programme that does I/O;
// the parser, domain rules and presenters beside it are pure).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { stem } from '../names/stemmer.js';
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

export interface GroupTaxonConcept { nameKey: string; id: number; taxonomyId: string; fullName: string; authorYear: string | null; rank: string; nameStatus: string; match: 'exact' | 'stemmed'; listings: { convention: string; listing: string | null }[] }
type ConceptRow = { name_key: string; id: number; taxonomy_id: string; full_name: string; author_year: string | null; rank: string; name_status: string; listings: { convention: string; listing: string | null }[] | null };

/**
 * Taxon concepts of both taxonomies named as a group lists them, with their
 * status in each convention: by name key, and for a binomial the document
 * spells differently ('Gyps rueppelli' / CITES 'Gyps rueppellii') by the name
 * engine's stemmed epithet within the genus.
 */
export async function conceptsForNames(db: Queryable, keys: string[]): Promise<GroupTaxonConcept[]> {
  if (!keys.length) return [];
  const exact = await conceptRows(db, sql`c.name_key in ${keys}`);
  const found = new Set(exact.map((r) => r.name_key));
  const out: GroupTaxonConcept[] = exact.map((r) => toConcept(r, r.name_key, 'exact'));
  for (const key of keys.filter((k) => !found.has(k) && k.split(' ').length === 2)) {
    const [genus, epithet] = key.split(' ');
    const candidates = await conceptRows(db, sql`c.name_key like ${`${genus} %`} and c.name_key not like ${`${genus} % %`}`);
    for (const r of candidates) if (stem(r.name_key.split(' ')[1]) === stem(epithet)) out.push(toConcept(r, key, 'stemmed'));
  }
  return out;
}

async function conceptRows(db: Queryable, where: ReturnType<typeof sql>): Promise<ConceptRow[]> {
  const res = await db.execute(sql`
    select c.name_key, c.id, c.taxonomy_id, c.full_name, c.author_year, c.rank, c.name_status,
      (select json_agg(json_build_object('convention', l.convention, 'listing', l.listing) order by l.convention)
         from taxon_listings l where l.taxon_concept_id = c.id) listings
    from taxon_concepts c
    where ${where} and c.deleted_at is null
    order by c.name_key, c.taxonomy_id, c.name_status, c.id`);
  return ((res as unknown as { rows?: ConceptRow[] }).rows ?? (res as unknown as ConceptRow[]));
}

function toConcept(r: ConceptRow, nameKey: string, match: GroupTaxonConcept['match']): GroupTaxonConcept {
  return { nameKey, id: r.id, taxonomyId: r.taxonomy_id, fullName: r.full_name, authorYear: r.author_year, rank: r.rank, nameStatus: r.name_status, match, listings: r.listings ?? [] };
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
     where p.convention = 'CMS' order by g.name_en`);
  type Row = { iso2: string; name_en: string; entry_into_force: string | null; source_file: string | null };
  return ((res as unknown as { rows?: Row[] }).rows ?? (res as unknown as Row[]));
}
