// Who may do what: one declarative table of (role, action, resource, condition).
// Reading is public and not listed here, except private reads (the audit log,
// a user's API tokens); every write must match a row, so a write nobody
// listed is refused to everyone but an admin (who is listed too).
import { secretariatOf, type Principal, type Role } from '../auth/principal.js';

export type Resource =
  | 'programme' | 'activity' | 'progressEntry' | 'fundingRecord' | 'conceptLink'
  | 'cmsPartyMembership' | 'user' | 'apiToken' | 'auditLog' | 'listingChange';
export const ACTIONS = ['create', 'update', 'curate', 'manage', 'read', 'export', 'revoke'] as const;
export type Action = (typeof ACTIONS)[number];

/** What a condition may look at: the target's lead Secretariats, or the owner of a token. */
export interface Target { leadSecretariats?: string[]; ownerId?: number }

export interface Rule {
  role: Role;
  action: Action;
  resource: Resource;
  /** Extra condition on the target; absent = always. */
  when?: (p: Principal, t: Target) => boolean;
  why: string;
}

/** Either Secretariat may edit joint items; an item led by one Secretariat only by that one. */
const leadsIt = (p: Principal, t: Target) => {
  const c = secretariatOf(p);
  return c != null && (t.leadSecretariats ?? ['CITES', 'CMS']).includes(c);
};
const ownsIt = (p: Principal, t: Target) => t.ownerId === undefined || t.ownerId === p.userId;

const SECRETARIATS: Role[] = ['cites_secretariat', 'cms_secretariat'];
const secretariat = (action: Action, resource: Resource, why: string, when?: Rule['when']): Rule[] =>
  SECRETARIATS.map((role) => ({ role, action, resource, when, why }));

export const RULES: readonly Rule[] = [
  // Admins run the system: every write, users, the audit log.
  ...(['programme', 'activity', 'progressEntry', 'fundingRecord', 'conceptLink', 'cmsPartyMembership', 'user', 'apiToken', 'auditLog', 'listingChange'] as Resource[])
    .flatMap((resource) => ACTIONS.map((action) => ({ role: 'admin' as Role, action, resource, why: 'admins may do everything' }))),
  ...secretariat('update', 'programme', 'the Secretariats edit the programme text they share'),
  ...secretariat('update', 'activity', 'a lead Secretariat edits its activity; either edits joint ones', leadsIt),
  ...secretariat('create', 'progressEntry', 'a lead Secretariat reports progress on its activity', leadsIt),
  ...secretariat('create', 'fundingRecord', 'the Secretariats record funds raised for joint work'),
  ...secretariat('curate', 'conceptLink', 'the Secretariats curate cross-convention links'),
  { role: 'cms_secretariat', action: 'update', resource: 'cmsPartyMembership', why: 'CMS Party dates have no source file; the CMS Secretariat keeps them' },
  ...secretariat('create', 'listingChange', "a Secretariat records its own convention's listing changes (the target's convention)", leadsIt),
  ...(['cites_secretariat', 'cms_secretariat', 'party_focal_point'] as Role[]).flatMap((role) => [
    { role, action: 'create' as Action, resource: 'apiToken' as Resource, when: ownsIt, why: 'any account may make API tokens for itself' },
    { role, action: 'read' as Action, resource: 'apiToken' as Resource, when: ownsIt, why: 'any account may list its own API tokens (never the secrets)' },
    { role, action: 'revoke' as Action, resource: 'apiToken' as Resource, when: ownsIt, why: 'any account may revoke its own API tokens, e.g. a leaked one' },
  ]),
];

export function can(p: Principal | null, action: Action, resource: Resource, target: Target = {}): boolean {
  if (!p) return false; // the public reads, never writes
  return RULES.some((r) => r.role === p.role && r.action === action && r.resource === resource && (!r.when || r.when(p, target)));
}

/** Abilities without a target, for the UI to hide what the user cannot do ('activity.update'). */
export function abilities(p: Principal | null): string[] {
  if (!p) return [];
  return [...new Set(RULES.filter((r) => r.role === p.role).map((r) => `${r.resource}.${r.action}`))].sort();
}
