// The CMS-CITES Joint Work Programme tracker: programmes, themes, activities,
// progress entries, funding, shared-species groups; and the accounts, sessions,
// API tokens and audit log that guard every write to it.
import {
  pgTable, serial, bigserial, integer, text, boolean, date, timestamp, jsonb,
  char, numeric, uniqueIndex, index, primaryKey,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { importRuns } from './schema.js';

/** A work programme over a period (e.g. '2021-2025'). */
export const programmes = pgTable('programmes', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(), // '2015-2020'
  title: text('title').notNull(),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  status: text('status').notNull().default('active'), // draft | active | closed
  introduction: text('introduction'),
  version: integer('version').notNull().default(1),
  importRunId: integer('import_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('programmes_code_uq').on(t.code)]);

export const programmeThemes = pgTable('programme_themes', {
  id: serial('id').primaryKey(),
  programmeId: integer('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
  code: text('code').notNull(), // 'A'
  title: text('title').notNull(),
  description: text('description'),
  position: integer('position').notNull(),
}, (t) => [uniqueIndex('programme_themes_uq').on(t.programmeId, t.code)]);

export const activities = pgTable('activities', {
  id: serial('id').primaryKey(),
  programmeId: integer('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
  themeId: integer('theme_id').notNull().references(() => programmeThemes.id, { onDelete: 'cascade' }),
  code: text('code').notNull(), // 'B15'
  /** The sub-heading the activity sits under in the document ('Saiga antelope'). */
  heading: text('heading'),
  text: text('text').notNull(),
  status: text('status').notNull().default('planned'), // planned | ongoing | completed | discontinued
  /** Resolutions / Decisions that ask for it ('CITES Resolution Conf. 13.3'). */
  mandates: text('mandates').array().notNull().default(sql`'{}'::text[]`),
  /** Lead Secretariat(s): CITES, CMS or both (joint). */
  leadSecretariats: text('lead_secretariats').array().notNull().default(sql`'{CITES,CMS}'::text[]`),
  position: integer('position').notNull(),
  /** Optimistic lock: a save names the version it read. */
  version: integer('version').notNull().default(1),
  sourceLine: integer('source_line'),
  importRunId: integer('import_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by'),
}, (t) => [
  uniqueIndex('activities_code_uq').on(t.programmeId, t.code),
  index('activities_theme_idx').on(t.themeId),
]);

/** Shared species of particular attention (Annex 2, theme B). */
export const speciesGroups = pgTable('species_groups', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull(), // 'saiga-antelope'
  name: text('name').notNull(),
  description: text('description'),
  position: integer('position').notNull(),
  sourceLine: integer('source_line'),
}, (t) => [uniqueIndex('species_groups_slug_uq').on(t.slug)]);

/** Scientific names a group covers; resolved to taxon concepts by name key at read time. */
export const speciesGroupTaxa = pgTable('species_group_taxa', {
  groupId: integer('group_id').notNull().references(() => speciesGroups.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  nameKey: text('name_key').notNull(),
  commonName: text('common_name'),
}, (t) => [primaryKey({ columns: [t.groupId, t.name] }), index('species_group_taxa_key_idx').on(t.nameKey)]);

export const activitySpeciesGroups = pgTable('activity_species_groups', {
  activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  groupId: integer('group_id').notNull().references(() => speciesGroups.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.activityId, t.groupId] })]);

export const progressEntries = pgTable('progress_entries', {
  id: serial('id').primaryKey(),
  activityId: integer('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
  date: date('date').notNull(),
  authorId: integer('author_id'),
  authorName: text('author_name').notNull(),
  text: text('text').notNull(),
  status: text('status').notNull(), // planned | ongoing | completed | discontinued
  origin: text('origin').notNull().default('user'), // user | import
  data: jsonb('data').$type<Record<string, unknown>>(),
  sourceLine: integer('source_line'),
  importRunId: integer('import_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('progress_entries_activity_idx').on(t.activityId, t.date)]);

/** What a progress entry is about: other activities, taxa, meetings, documents, funding. */
export const progressLinks = pgTable('progress_links', {
  id: serial('id').primaryKey(),
  progressEntryId: integer('progress_entry_id').notNull().references(() => progressEntries.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(), // activity | taxon | meeting | document | funding
  targetId: integer('target_id'),
  label: text('label').notNull(),
  url: text('url'),
}, (t) => [index('progress_links_entry_idx').on(t.progressEntryId), index('progress_links_target_idx').on(t.kind, t.targetId)]);

export const fundingRecords = pgTable('funding_records', {
  id: serial('id').primaryKey(),
  programmeId: integer('programme_id').notNull().references(() => programmes.id, { onDelete: 'cascade' }),
  activityId: integer('activity_id').references(() => activities.id, { onDelete: 'set null' }),
  amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  donor: text('donor').notNull(),
  purpose: text('purpose').notNull(),
  year: integer('year'),
  sourceLine: integer('source_line'),
  importRunId: integer('import_run_id').references(() => importRuns.id, { onDelete: 'set null' }),
});

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  /** scrypt$N$r$p$salt$hash (base64). */
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(), // admin | cites_secretariat | cms_secretariat | party_focal_point
  /** For a Party focal point: the Party and the convention(s) it speaks for. */
  partyIso2: char('party_iso2', { length: 2 }),
  conventions: text('conventions').array().notNull().default(sql`'{}'::text[]`),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email_uq').on(sql`lower(${t.email})`)]);

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie value; the cookie itself is never stored. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const apiTokens = pgTable('api_tokens', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash)]);

/** Every write: who, when, what, before and after. Written in the write's own transaction. */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id'),
  actor: text('actor').notNull(), // e-mail, or 'cli:<os user>'
  action: text('action').notNull(), // 'progress.create'
  resourceType: text('resource_type').notNull(),
  resourceId: text('resource_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  requestId: text('request_id'),
}, (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_resource_idx').on(t.resourceType, t.resourceId)]);
