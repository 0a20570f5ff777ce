// Editing the Joint Work Programme: programme text, activities (optimistic
// locking), progress entries. Route → load → policy → command → presenter.
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { actorOf } from '../../auth/principal.js';
import { authorize } from '../../policies/authorize.js';
import { normaliseActivityCode } from '../../programme/domain.js';
import * as repo from '../../programme/repository.js';
import * as present from '../../programme/presenters.js';
import { updateProgramme } from '../../commands/programmeUpdater.js';
import { updateActivity } from '../../commands/activityUpdater.js';
import { createProgressEntry } from '../../commands/progressEntryCreator.js';
import { createFundingRecord } from '../../commands/fundingRecordCreator.js';
import { problems } from '../problems.js';
import { inTransaction } from '../transaction.js';
import { writeErrors as errors } from '../schemas/common.js';
import {
  activityChangesBody, activityParams, activitySchema, codeParams, fundingBody, fundingSchema, programmeChangesBody, programmeSchema, progressBody, progressSchema,
} from '../schemas/programme.js';

type CodeParams = FromSchema<typeof codeParams>;
type ActivityParams = FromSchema<typeof activityParams>;

export default async function programmeEditRoutes(app: FastifyInstance) {
  app.useAuthentication();
  const db = () => app.database.db;

  app.patch<{ Params: CodeParams; Body: FromSchema<typeof programmeChangesBody> }>('/api/v1/programmes/:code', {
    schema: { tags: ['programme'], summary: 'Edit a programme (send the version you read)', params: codeParams, body: programmeChangesBody, response: { 200: programmeSchema, ...errors } },
  }, async (req) => {
    const p = await repo.programmeByCode(db(), req.params.code);
    if (!p) throw problems.notFound(`No programme ${req.params.code}.`);
    authorize(req.principal, 'update', 'programme');
    const { version, title, introduction, status } = req.body;
    const after = await inTransaction(app, (tx) => updateProgramme(tx, { actor: actorOf(req.principal!, req.id), programmeId: p.id, version, changes: { title, introduction, status } }));
    return present.presentProgramme(after);
  });

  app.patch<{ Params: ActivityParams; Body: FromSchema<typeof activityChangesBody> }>('/api/v1/programmes/:code/activities/:activity', {
    schema: {
      tags: ['programme'], summary: 'Edit an activity: text, status, mandates, lead Secretariats (send the version you read; a stale version gets 409)',
      params: activityParams, body: activityChangesBody, response: { 200: activitySchema, ...errors },
    },
  }, async (req) => {
    const a = await loadActivity(req.params.code, req.params.activity);
    authorize(req.principal, 'update', 'activity', { leadSecretariats: a.leadSecretariats });
    const { version, text, status, mandates, lead_secretariats: leadSecretariats } = req.body;
    const after = await inTransaction(app, (tx) => updateActivity(tx, { actor: actorOf(req.principal!, req.id), activityId: a.id, version, changes: { text, status, mandates, leadSecretariats } }));
    return present.presentActivity(after, a.code.slice(0, 1));
  });

  app.post<{ Params: ActivityParams; Body: FromSchema<typeof progressBody> }>('/api/v1/programmes/:code/activities/:activity/progress', {
    schema: {
      tags: ['programme'], summary: "Add a progress entry to an activity (date not in the future); the activity takes the entry's status",
      params: activityParams, body: progressBody, response: { 201: progressSchema, ...errors },
    },
  }, async (req, reply) => {
    const a = await loadActivity(req.params.code, req.params.activity);
    authorize(req.principal, 'create', 'progressEntry', { leadSecretariats: a.leadSecretariats });
    const entry = await inTransaction(app, (tx) => createProgressEntry(tx, {
      actor: actorOf(req.principal!, req.id), authorName: req.principal!.name, activityId: a.id, date: req.body.date, text: req.body.text, status: req.body.status,
      links: req.body.links?.map((l) => ({ kind: l.kind, label: l.label, targetId: l.target_id, url: l.url })),
    }));
    return reply.status(201).send(present.presentProgress({ ...entry, links: [], sharedFrom: null }));
  });

  app.post<{ Params: CodeParams; Body: FromSchema<typeof fundingBody> }>('/api/v1/programmes/:code/funding', {
    schema: { tags: ['programme'], summary: 'Record funds raised for joint work (optionally for one activity)', params: codeParams, body: fundingBody, response: { 201: fundingSchema, ...errors } },
  }, async (req, reply) => {
    const p = await repo.programmeByCode(db(), req.params.code);
    if (!p) throw problems.notFound(`No programme ${req.params.code}.`);
    const { activity_code: activityCode, amount, currency, donor, purpose, year } = req.body;
    const activity = activityCode ? await loadActivity(p.code, activityCode) : null;
    authorize(req.principal, 'create', 'fundingRecord');
    const row = await inTransaction(app, (tx) => createFundingRecord(tx, { actor: actorOf(req.principal!, req.id), programmeId: p.id, activityId: activity?.id ?? null, amount, currency, donor, purpose, year }));
    return reply.status(201).send(present.presentFunding(row, activity?.code ?? null));
  });

  async function loadActivity(programmeCode: string, raw: string) {
    const p = await repo.programmeByCode(db(), programmeCode);
    if (!p) throw problems.notFound(`No programme ${programmeCode}.`);
    const code = normaliseActivityCode(raw);
    if (!code) throw problems.badRequest(`'activity': expected an activity code such as A1 or B15, got '${raw}'`, 'activity');
    const a = await repo.activityByCode(db(), p.id, code);
    if (!a) throw problems.notFound(`No activity ${code} in programme ${programmeCode}; nothing was saved.`);
    return a;
  }
}
