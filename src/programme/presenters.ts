// API shapes of the tracker: allow-lists, so a new column never leaks by accident.
import type { Principal } from '../auth/principal.js';
import type { ApiTokenRow } from '../auth/repository.js';
import { joinedFields } from '../listings/current.js';
import type { ActivityRow, GroupTaxonConcept, ProgrammeRow, ProgressRow, ThemeRow } from './repository.js';

export function presentPrincipal(p: Principal) {
  return { id: p.userId, email: p.email, name: p.name, role: p.role, partyIso2: p.partyIso2, conventions: p.conventions };
}

export function presentUser(u: { id: number; email: string; name: string; role: string; partyIso2: string | null; conventions: string[]; disabled: boolean; createdAt: Date }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, partyIso2: u.partyIso2, conventions: u.conventions, disabled: u.disabled, createdAt: u.createdAt.toISOString() };
}

export function presentProgramme(p: ProgrammeRow) {
  return { code: p.code, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status, introduction: p.introduction, version: p.version, updatedAt: p.updatedAt.toISOString() };
}

export function presentTheme(t: ThemeRow) {
  return { code: t.code, title: t.title, description: t.description };
}

export function presentActivitySummary(a: ActivityRow, theme: string) {
  return { code: a.code, theme, heading: a.heading, text: a.text, status: a.status, leadSecretariats: a.leadSecretariats, mandates: a.mandates };
}

export function presentActivity(a: ActivityRow, theme: string) {
  return { ...presentActivitySummary(a, theme), version: a.version, updatedAt: a.updatedAt.toISOString(), sourceLine: a.sourceLine };
}

export function presentProgress(e: ProgressRow) {
  return {
    id: e.id, date: e.date, authorName: e.authorName, text: e.text, status: e.status, origin: e.origin,
    sharedFrom: e.sharedFrom, createdAt: e.createdAt.toISOString(),
    links: e.links.map((l) => ({ kind: l.kind, label: l.label, targetId: l.targetId, url: l.url })),
  };
}

export function presentFunding(f: { amount: string; currency: string; donor: string; purpose: string; year: number | null }, activityCode: string | null) {
  return { activityCode, amount: Number(f.amount), currency: f.currency, donor: f.donor, purpose: f.purpose, year: f.year };
}

/** A group's taxon with its status in both conventions (the joined status every list shows). */
export function presentConcept(c: GroupTaxonConcept) {
  const j = joinedFields(c);
  return {
    id: c.id, taxonomy: c.taxonomyId, fullName: c.fullName, authorYear: c.authorYear, rank: c.rank, nameStatus: c.nameStatus, match: c.match,
    under: c.under, cites: j.cites_listing, cms: j.cms_listing, citesConcept: j.cites_concept, cmsConcept: j.cms_concept, cmsInstruments: j.cms_instruments,
  };
}

export function presentAudit(e: { id: number; at: Date; actor: string; userId: number | null; action: string; resourceType: string; resourceId: string | null; before: unknown; after: unknown; requestId: string | null }) {
  return { id: e.id, at: e.at.toISOString(), actor: e.actor, userId: e.userId, action: e.action, resourceType: e.resourceType, resourceId: e.resourceId, before: e.before, after: e.after, requestId: e.requestId };
}

/** An API token without its secret (only its hash is stored, and not shown either). */
export function presentApiToken(t: ApiTokenRow) {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return { id: t.id, userId: t.userId, name: t.name, createdAt: t.createdAt.toISOString(), expiresAt: iso(t.expiresAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) };
}
