// API shapes of the tracker: allow-lists, so a new column never leaks by accident,
// in the API's one casing (snake_case); their schemas are in src/api/schemas/.
import type { Principal } from '../auth/principal.js';
import type { ApiTokenRow } from '../auth/repository.js';
import { joinedFields } from '../listings/current.js';
import type { ActivityRow, GroupTaxonConcept, ProgrammeRow, ProgressRow, ThemeRow } from './repository.js';

export function presentPrincipal(p: Principal) {
  return { id: p.userId, email: p.email, name: p.name, role: p.role, party_iso2: p.partyIso2, conventions: p.conventions };
}

export function presentUser(u: { id: number; email: string; name: string; role: string; partyIso2: string | null; conventions: string[]; disabled: boolean; createdAt: Date }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, party_iso2: u.partyIso2, conventions: u.conventions, disabled: u.disabled, created_at: u.createdAt.toISOString() };
}

export function presentProgramme(p: ProgrammeRow) {
  return { code: p.code, title: p.title, period_start: p.periodStart, period_end: p.periodEnd, status: p.status, introduction: p.introduction, version: p.version, updated_at: p.updatedAt.toISOString() };
}

export function presentTheme(t: ThemeRow) {
  return { code: t.code, title: t.title, description: t.description };
}

export function presentActivitySummary(a: ActivityRow, theme: string) {
  return { code: a.code, theme, heading: a.heading, text: a.text, status: a.status, lead_secretariats: a.leadSecretariats, mandates: a.mandates };
}

export function presentActivity(a: ActivityRow, theme: string) {
  return { ...presentActivitySummary(a, theme), version: a.version, updated_at: a.updatedAt.toISOString(), source_line: a.sourceLine };
}

export function presentProgress(e: ProgressRow) {
  return {
    id: e.id, date: e.date, author_name: e.authorName, text: e.text, status: e.status, origin: e.origin,
    shared_from: e.sharedFrom, created_at: e.createdAt.toISOString(),
    links: e.links.map((l) => ({ kind: l.kind, label: l.label, target_id: l.targetId, url: l.url })),
  };
}

export function presentFunding(f: { amount: string; currency: string; donor: string; purpose: string; year: number | null }, activityCode: string | null) {
  return { activity_code: activityCode, amount: Number(f.amount), currency: f.currency, donor: f.donor, purpose: f.purpose, year: f.year };
}

/** A group's taxon with its status in both conventions (the joined status every list shows). */
export function presentConcept(c: GroupTaxonConcept) {
  return {
    id: c.id, taxonomy: c.taxonomyId, full_name: c.fullName, author_year: c.authorYear, rank: c.rank, name_status: c.nameStatus, match: c.match,
    under: c.under, ...joinedFields(c), // the same status keys as every other list
  };
}

export function presentAudit(e: { id: number; at: Date; actor: string; userId: number | null; action: string; resourceType: string; resourceId: string | null; before: unknown; after: unknown; requestId: string | null }) {
  return { id: e.id, at: e.at.toISOString(), actor: e.actor, user_id: e.userId, action: e.action, resource_type: e.resourceType, resource_id: e.resourceId, before: e.before, after: e.after, request_id: e.requestId };
}

/** An API token without its secret (only its hash is stored, and not shown either). */
export function presentApiToken(t: ApiTokenRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return { id: t.id, user_id: t.userId, name: t.name, created_at: t.createdAt.toISOString(), expires_at: iso(t.expiresAt), last_used_at: iso(t.lastUsedAt), revoked_at: iso(t.revokedAt) };
}
