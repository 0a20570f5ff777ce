// Administration: accounts and roles, the audit log (JSON or CSV export), and
// CMS Party memberships (kept by the CMS Secretariat: no source file lists them).
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { stringify } from 'csv-stringify/sync';
import { actorOf } from '../../auth/principal.js';
import { listUsers, userById } from '../../auth/repository.js';
import { authorize } from '../../policies/authorize.js';
import { auditLog, cmsParties } from '../../programme/repository.js';
import { can } from '../../policies/table.js';
import { presentAudit, presentUser } from '../../programme/presenters.js';
import { createUser } from '../../commands/userCreator.js';
import { changeUserRole } from '../../commands/userRoleChanger.js';
import { updateCmsPartyMembership } from '../../commands/cmsPartyMembershipUpdater.js';
import { problems } from '../problems.js';
import { inTransaction } from '../transaction.js';
import { idParams, problem, writeErrors as errors } from '../schemas/common.js';
import {
  auditPageSchema, auditQuery, cmsPartiesSchema, cmsPartyMembershipSchema, iso2Params, membershipBody, newUserBody, userChangesBody, userSchema,
} from '../schemas/admin.js';

export default async function adminRoutes(app: FastifyInstance) {
  app.useAuthentication();
  const db = () => app.database.db;

  app.get('/api/v1/admin/users', { schema: { tags: ['admin'], summary: 'Accounts (admins only)', response: { 200: { type: 'array', items: userSchema }, 401: problem, 403: problem } } }, async (req) => {
    authorize(req.principal, 'manage', 'user');
    return (await listUsers(db())).map(presentUser);
  });

  app.post<{ Body: FromSchema<typeof newUserBody> }>('/api/v1/admin/users', {
    schema: { tags: ['admin'], summary: 'Create an account', body: newUserBody, response: { 201: userSchema, ...errors } },
  }, async (req, reply) => {
    authorize(req.principal, 'manage', 'user');
    const { email, name, password, role, party_iso2: partyIso2, conventions } = req.body;
    const user = await inTransaction(app, (tx) => createUser(tx, { actor: actorOf(req.principal!, req.id), email, name, password, role, partyIso2, conventions }));
    return reply.status(201).send(presentUser(user));
  });

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof userChangesBody> }>('/api/v1/admin/users/:id', {
    schema: { tags: ['admin'], summary: "Change an account's role or disable it (its sessions end)", params: idParams, body: userChangesBody, response: { 200: userSchema, ...errors } },
  }, async (req) => {
    const target = await userById(db(), req.params.id);
    if (!target) throw problems.notFound(`No user ${req.params.id}.`);
    authorize(req.principal, 'manage', 'user');
    const { role, party_iso2: partyIso2, conventions: convs, disabled } = req.body;
    return presentUser(await inTransaction(app, (tx) => changeUserRole(tx, { actor: actorOf(req.principal!, req.id), userId: target.id, role, partyIso2, conventions: convs, disabled })));
  });

  app.get<{ Querystring: FromSchema<typeof auditQuery> }>('/api/v1/admin/audit', {
    schema: {
      tags: ['admin'], summary: 'The audit log of every write: who, when, what, before and after (admins; JSON or CSV)', querystring: auditQuery,
      response: {
        200: { description: 'Audit events', content: { 'application/json': { schema: auditPageSchema }, 'text/csv': { schema: { type: 'string' } } } },
        400: problem, 401: problem, 403: problem,
      },
    },
  }, async (req, reply) => {
    authorize(req.principal, 'read', 'auditLog');
    const q = req.query;
    const { rows, total } = await auditLog(db(), { limit: q.limit ?? (q.format === 'csv' ? 10000 : 100), offset: q.offset ?? 0, resourceType: q.resource_type, actor: q.actor, since: q.since });
    const events = rows.map(presentAudit);
    if (q.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"');
      return stringify([['id', 'at', 'actor', 'user_id', 'action', 'resource_type', 'resource_id', 'before', 'after', 'request_id'],
        ...events.map((e) => [e.id, e.at, e.actor, e.user_id ?? '', e.action, e.resource_type, e.resource_id ?? '', JSON.stringify(e.before), JSON.stringify(e.after), e.request_id ?? ''])]);
    }
    return { total, events };
  });

  app.get('/api/v1/cms-parties', { schema: { tags: ['admin'], summary: 'CMS Parties with their entry-into-force dates, and whether the caller may edit them', response: { 200: cmsPartiesSchema, 401: problem } } }, async (req) => ({
    can: { update: can(req.principal, 'update', 'cmsPartyMembership') },
    parties: (await cmsParties(db())).map((p) => ({ iso2: p.iso2, name: p.name_en, entry_into_force: p.entry_into_force, source: p.source_file ?? 'edited in Concord' })),
  }));

  app.put<{ Params: FromSchema<typeof iso2Params>; Body: FromSchema<typeof membershipBody> }>('/api/v1/cms-parties/:iso2', {
    schema: {
      tags: ['admin'], summary: "Set a State's CMS Party entry-into-force date (null: not a Party)",
      params: iso2Params, body: membershipBody, response: { 200: cmsPartyMembershipSchema, ...errors },
    },
  }, async (req) => {
    authorize(req.principal, 'update', 'cmsPartyMembership');
    const after = await inTransaction(app, (tx) => updateCmsPartyMembership(tx, { actor: actorOf(req.principal!, req.id), iso2: req.params.iso2, entryIntoForce: req.body.entry_into_force }));
    return { iso2: req.params.iso2.toUpperCase(), convention: 'CMS', entry_into_force: after?.entryIntoForce ?? null };
  });
}
