// Administration: accounts and roles, the audit log (JSON or CSV export), and
// CMS Party memberships (kept by the CMS Secretariat: no source file lists them).
import type { FastifyInstance } from 'fastify';
import { stringify } from 'csv-stringify/sync';
import authPlugin, { inTransaction } from '../../auth/plugin.js';
import { actorOf, ROLES, type Role } from '../../auth/principal.js';
import { listUsers, userById } from '../../auth/repository.js';
import { authorize } from '../../policies/authorize.js';
import { auditLog, cmsParties } from '../../programme/repository.js';
import { can } from '../../policies/table.js';
import { presentAudit, presentUser } from '../../programme/presenters.js';
import { createUser } from '../../commands/userCreator.js';
import { changeUserRole } from '../../commands/userRoleChanger.js';
import { updateCmsPartyMembership } from '../../commands/cmsPartyMembershipUpdater.js';
import { problems } from '../problems.js';

const problem = { $ref: 'Problem#' };
const anyObject = { type: 'object', additionalProperties: true } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const conventions = { type: 'array', items: { type: 'string', enum: ['CITES', 'CMS'] }, maxItems: 2, uniqueItems: true } as const;

export default async function adminRoutes(app: FastifyInstance) {
  await app.register(authPlugin);
  const db = () => app.database.db;

  app.get('/api/v1/admin/users', { schema: { tags: ['admin'], summary: 'Accounts (admins only)', response: { 200: { type: 'array', items: anyObject }, 401: problem, 403: problem } } }, async (req) => {
    authorize(req.principal, 'manage', 'user');
    return (await listUsers(db())).map(presentUser);
  });

  app.post<{ Body: { email: string; name: string; password: string; role: Role; partyIso2?: string | null; conventions?: ('CITES' | 'CMS')[] } }>('/api/v1/admin/users', {
    schema: {
      tags: ['admin'], summary: 'Create an account',
      body: { type: 'object', required: ['email', 'name', 'password', 'role'], additionalProperties: false, properties: { email: { type: 'string', maxLength: 254 }, name: { type: 'string', maxLength: 200 }, password: { type: 'string', maxLength: 1024 }, role: { type: 'string', enum: [...ROLES] }, partyIso2: { type: ['string', 'null'], maxLength: 2 }, conventions, _csrf: { type: 'string' } } },
      response: { 201: anyObject, ...errors },
    },
  }, async (req, reply) => {
    authorize(req.principal, 'manage', 'user');
    const { _csrf, ...props } = req.body as typeof req.body & { _csrf?: string };
    void _csrf;
    const user = await inTransaction(app, (tx) => createUser(tx, { actor: actorOf(req.principal!, req.id), ...props }));
    return reply.status(201).send(presentUser(user));
  });

  app.patch<{ Params: { id: number }; Body: { role: Role; partyIso2?: string | null; conventions?: ('CITES' | 'CMS')[]; disabled?: boolean } }>('/api/v1/admin/users/:id', {
    schema: {
      tags: ['admin'], summary: "Change an account's role or disable it (its sessions end)",
      params: { type: 'object', properties: { id: { type: 'integer' } } },
      body: { type: 'object', required: ['role'], additionalProperties: false, properties: { role: { type: 'string', enum: [...ROLES] }, partyIso2: { type: ['string', 'null'], maxLength: 2 }, conventions, disabled: { type: 'boolean' }, _csrf: { type: 'string' } } },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    const target = await userById(db(), req.params.id);
    if (!target) throw problems.notFound(`No user ${req.params.id}.`);
    authorize(req.principal, 'manage', 'user');
    const { role, partyIso2, conventions: convs, disabled } = req.body;
    return presentUser(await inTransaction(app, (tx) => changeUserRole(tx, { actor: actorOf(req.principal!, req.id), userId: target.id, role, partyIso2, conventions: convs, disabled })));
  });

  app.get<{ Querystring: { format?: 'json' | 'csv'; limit?: number; offset?: number; resourceType?: string; actor?: string; since?: string } }>('/api/v1/admin/audit', {
    schema: {
      tags: ['admin'], summary: 'The audit log of every write: who, when, what, before and after (admins; JSON or CSV)',
      querystring: { type: 'object', properties: { format: { type: 'string', enum: ['json', 'csv'] }, limit: { type: 'integer', minimum: 1, maximum: 10000 }, offset: { type: 'integer', minimum: 0 }, resourceType: { type: 'string', maxLength: 50 }, actor: { type: 'string', maxLength: 254 }, since: { type: 'string', format: 'date-time' } } },
      response: {
        200: { description: 'Audit events', content: { 'application/json': { schema: { type: 'object', properties: { total: { type: 'integer' }, events: { type: 'array', items: anyObject } } } }, 'text/csv': { schema: { type: 'string' } } } },
        400: problem, 401: problem, 403: problem,
      },
    },
  }, async (req, reply) => {
    authorize(req.principal, 'read', 'auditLog');
    const q = req.query;
    const { rows, total } = await auditLog(db(), { limit: q.limit ?? (q.format === 'csv' ? 10000 : 100), offset: q.offset ?? 0, resourceType: q.resourceType, actor: q.actor, since: q.since });
    const events = rows.map(presentAudit);
    if (q.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return stringify([['id', 'at', 'actor', 'user_id', 'action', 'resource_type', 'resource_id', 'before', 'after', 'request_id'],
        ...events.map((e) => [e.id, e.at, e.actor, e.userId ?? '', e.action, e.resourceType, e.resourceId ?? '', JSON.stringify(e.before), JSON.stringify(e.after), e.requestId ?? ''])]);
    }
    return { total, events };
  });

  app.get('/api/v1/cms-parties', { schema: { tags: ['admin'], summary: 'CMS Parties with their entry-into-force dates, and whether the caller may edit them', response: { 200: anyObject, 401: problem } } }, async (req) => ({
    can: { update: can(req.principal, 'update', 'cmsPartyMembership') },
    parties: (await cmsParties(db())).map((p) => ({ iso2: p.iso2, name: p.name_en, entryIntoForce: p.entry_into_force, source: p.source_file ?? 'edited in Concord' })),
  }));

  app.put<{ Params: { iso2: string }; Body: { entryIntoForce: string | null } }>('/api/v1/cms-parties/:iso2', {
    schema: {
      tags: ['admin'], summary: "Set a State's CMS Party entry-into-force date (null: not a Party)",
      params: { type: 'object', properties: { iso2: { type: 'string', pattern: '^[A-Za-z]{2}$' } } },
      body: { type: 'object', required: ['entryIntoForce'], additionalProperties: false, properties: { entryIntoForce: { type: ['string', 'null'], format: 'date' }, _csrf: { type: 'string' } } },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    authorize(req.principal, 'update', 'cmsPartyMembership');
    const after = await inTransaction(app, (tx) => updateCmsPartyMembership(tx, { actor: actorOf(req.principal!, req.id), iso2: req.params.iso2, entryIntoForce: req.body.entryIntoForce }));
    return { iso2: req.params.iso2.toUpperCase(), convention: 'CMS', entryIntoForce: after?.entryIntoForce ?? null };
  });
}
