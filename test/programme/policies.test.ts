// The policy table as a matrix: every role × every write, with the reason per row.
import { describe, expect, it } from 'vitest';
import { abilities, can, RULES, type Action, type Resource, type Target } from '../../src/policies/table.js';
import type { Principal, Role } from '../../src/auth/principal.js';

const who = (role: Role): Principal => ({ userId: 7, email: `${role}@example.org`, name: role, role, partyIso2: role === 'party_focal_point' ? 'IN' : null, conventions: role === 'party_focal_point' ? ['CMS'] : [], via: 'session' });
const roles: (Role | 'public')[] = ['public', 'admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'];
const joint: Target = { leadSecretariats: ['CITES', 'CMS'] };
const citesOnly: Target = { leadSecretariats: ['CITES'] };
const cmsOnly: Target = { leadSecretariats: ['CMS'] };

// [action, resource, target, allowed roles, why]
const MATRIX: [Action, Resource, Target, Role[], string][] = [
  ['update', 'programme', {}, ['admin', 'cites_secretariat', 'cms_secretariat'], 'the Secretariats edit the shared programme text'],
  ['update', 'activity', joint, ['admin', 'cites_secretariat', 'cms_secretariat'], 'either Secretariat edits a joint activity'],
  ['update', 'activity', citesOnly, ['admin', 'cites_secretariat'], 'an activity led by CITES alone: the CMS Secretariat may not'],
  ['update', 'activity', cmsOnly, ['admin', 'cms_secretariat'], 'an activity led by CMS alone: the CITES Secretariat may not'],
  ['create', 'progressEntry', joint, ['admin', 'cites_secretariat', 'cms_secretariat'], 'either Secretariat reports on a joint activity'],
  ['create', 'progressEntry', cmsOnly, ['admin', 'cms_secretariat'], 'only the lead reports on a CMS-led activity'],
  ['create', 'fundingRecord', {}, ['admin', 'cites_secretariat', 'cms_secretariat'], 'the Secretariats record funds'],
  ['curate', 'conceptLink', {}, ['admin', 'cites_secretariat', 'cms_secretariat'], 'the Secretariats curate links'],
  ['update', 'cmsPartyMembership', {}, ['admin', 'cms_secretariat'], 'CMS Party dates: the CMS Secretariat'],
  ['manage', 'user', {}, ['admin'], 'accounts: admins only'],
  ['read', 'auditLog', {}, ['admin'], 'the audit log: admins only'],
  ['export', 'auditLog', {}, ['admin'], 'audit export: admins only'],
  ['create', 'apiToken', { ownerId: 7 }, ['admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'], 'any account makes tokens for itself'],
  ['create', 'apiToken', { ownerId: 8 }, ['admin'], "only an admin makes a token for someone else"],
  ['read', 'apiToken', { ownerId: 7 }, ['admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'], 'any account lists its own tokens'],
  ['read', 'apiToken', { ownerId: 8 }, ['admin'], "only an admin lists someone else's tokens"],
  ['revoke', 'apiToken', { ownerId: 7 }, ['admin', 'cites_secretariat', 'cms_secretariat', 'party_focal_point'], 'any account revokes its own tokens'],
  ['revoke', 'apiToken', { ownerId: 8 }, ['admin'], "only an admin revokes someone else's token"],
];

describe('policy matrix', () => {
  for (const [action, resource, target, allowed, why] of MATRIX) {
    for (const role of roles) {
      const expected = role !== 'public' && allowed.includes(role);
      it(`${role} ${expected ? 'may' : 'may not'} ${action} ${resource} ${JSON.stringify(target)} (${why})`, () => {
        expect(can(role === 'public' ? null : who(role), action, resource, target)).toBe(expected);
      });
    }
  }

  it('lists no rule for the public, and the party focal point may write nothing but its own tokens', () => {
    expect(RULES.filter((r) => (r.role as string) === 'public')).toEqual([]);
    expect(abilities(null)).toEqual([]);
    expect(abilities(who('party_focal_point'))).toEqual(['apiToken.create', 'apiToken.read', 'apiToken.revoke']);
  });

  it('every rule says why', () => {
    for (const r of RULES) expect(r.why.length, `${r.role} ${r.action} ${r.resource}`).toBeGreaterThan(10);
  });
});
