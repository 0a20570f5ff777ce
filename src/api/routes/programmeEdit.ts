// Editing the Joint Work Programme: programme text, activities (optimistic
// locking), progress entries. Route → load → policy → command → presenter.
import type { FastifyInstance } from 'fastify';
import authPlugin, { inTransaction } from '../../auth/plugin.js';
import { actorOf } from '../../auth/principal.js';
import { authorize } from '../../policies/authorize.js';
import { normaliseActivityCode, PROGRESS_STATUSES, PROGRAMME_STATUSES, type ProgressStatus } from '../../programme/domain.js';
import * as repo from '../../programme/repository.js';
import * as present from '../../programme/presenters.js';
import { updateProgramme } from '../../commands/programmeUpdater.js';
import { updateActivity, type ActivityChanges } from '../../commands/activityUpdater.js';
import { createProgressEntry, type ProgressLinkInput } from '../../commands/progressEntryCreator.js';
import { createFundingRecord } from '../../commands/fundingRecordCreator.js';
import { problems } from '../problems.js';

const problem = { $ref: 'Problem#' };
const anyObject = { type: 'object', additionalProperties: true } as const;
const codeParams = { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: '^\\d{4}-\\d{4}$' } } } as const;
const activityParams = { type: 'object', required: ['code', 'activity'], properties: { code: { type: 'string', pattern: '^\\d{4}-\\d{4}$' }, activity: { type: 'string', maxLength: 8 } } } as const;
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export default async function programmeEditRoutes(app: FastifyInstance) {
  await app.register(authPlugin);
  const db = () => app.database.db;

  app.patch<{ Params: { code: string }; Body: { version: number; title?: string; introduction?: string | null; status?: string } }>('/api/v1/programmes/:code', {
    schema: {
      tags: ['programme'], summary: 'Edit a programme (send the version you read)', params: codeParams,
      body: { type: 'object', required: ['version'], additionalProperties: false, properties: { version: { type: 'integer' }, title: { type: 'string', minLength: 1, maxLength: 500 }, introduction: { type: ['string', 'null'], maxLength: 20000 }, status: { type: 'string', enum: [...PROGRAMME_STATUSES] }, _csrf: { type: 'string' } } },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    const p = await repo.programmeByCode(db(), req.params.code);
    if (!p) throw problems.notFound(`No programme ${req.params.code}.`);
    authorize(req.principal, 'update', 'programme');
    const { version, title, introduction, status } = req.body;
    const after = await inTransaction(app, (tx) => updateProgramme(tx, { actor: actorOf(req.principal!, req.id), programmeId: p.id, version, changes: { title, introduction, status } }));
    return present.presentProgramme(after);
  });

  app.patch<{ Params: { code: string; activity: string }; Body: ActivityChanges & { version: number } }>('/api/v1/programmes/:code/activities/:activity', {
    schema: {
      tags: ['programme'], summary: 'Edit an activity: text, status, mandates, lead Secretariats (send the version you read; a stale version gets 409)', params: activityParams,
      body: {
        type: 'object', required: ['version'], additionalProperties: false, properties: {
          version: { type: 'integer' }, text: { type: 'string', minLength: 1, maxLength: 20000 }, status: { type: 'string', enum: [...PROGRESS_STATUSES] },
          mandates: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 50 },
          leadSecretariats: { type: 'array', items: { type: 'string', enum: ['CITES', 'CMS'] }, minItems: 1, maxItems: 2, uniqueItems: true }, _csrf: { type: 'string' },
        },
      },
      response: { 200: anyObject, ...errors },
    },
  }, async (req) => {
    const a = await loadActivity(req.params.code, req.params.activity);
    authorize(req.principal, 'update', 'activity', { leadSecretariats: a.leadSecretariats });
    const { version, text, status, mandates, leadSecretariats } = req.body;
    const after = await inTransaction(app, (tx) => updateActivity(tx, { actor: actorOf(req.principal!, req.id), activityId: a.id, version, changes: { text, status, mandates, leadSecretariats } }));
    return present.presentActivity(after, a.code.slice(0, 1));
  });

  app.post<{ Params: { code: string; activity: string }; Body: { date: string; text: string; status: ProgressStatus; links?: ProgressLinkInput[] } }>('/api/v1/programmes/:code/activities/:activity/progress', {
    schema: {
      tags: ['programme'], summary: 'Add a progress entry to an activity (date not in the future); the activity takes the entry\'s status', params: activityParams,
      body: {
        type: 'object', required: ['date', 'text', 'status'], additionalProperties: false, properties: {
          date: { type: 'string', maxLength: 10 }, text: { type: 'string', minLength: 1, maxLength: 20000 }, status: { type: 'string', enum: [...PROGRESS_STATUSES] }, _csrf: { type: 'string' },
          links: { type: 'array', maxItems: 50, items: { type: 'object', required: ['kind', 'label'], additionalProperties: false, properties: { kind: { type: 'string', enum: ['taxon', 'meeting', 'document', 'funding', 'activity'] }, label: { type: 'string', minLength: 1, maxLength: 500 }, targetId: { type: ['integer', 'null'] }, url: { type: ['string', 'null'], maxLength: 2000 } } } },
        },
      },
      response: { 201: anyObject, ...errors },
    },
  }, async (req, reply) => {
    const a = await loadActivity(req.params.code, req.params.activity);
    authorize(req.principal, 'create', 'progressEntry', { leadSecretariats: a.leadSecretariats });
    const entry = await inTransaction(app, (tx) => createProgressEntry(tx, {
      actor: actorOf(req.principal!, req.id), authorName: req.principal!.name, activityId: a.id, ...req.body,
    }));
    return reply.status(201).send(present.presentProgress({ ...entry, links: [], sharedFrom: null }));
  });

  app.post<{ Params: { code: string }; Body: { activityCode?: string | null; amount: number; currency: string; donor: string; purpose: string; year: number } }>('/api/v1/programmes/:code/funding', {
    schema: {
      tags: ['programme'], summary: 'Record funds raised for joint work (optionally for one activity)', params: codeParams,
      body: {
        type: 'object', required: ['amount', 'currency', 'donor', 'purpose', 'year'], additionalProperties: false, properties: {
          activityCode: { type: ['string', 'null'], maxLength: 8 }, amount: { type: 'number', exclusiveMinimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          donor: { type: 'string', minLength: 1, maxLength: 500 }, purpose: { type: 'string', minLength: 1, maxLength: 5000 }, year: { type: 'integer' }, _csrf: { type: 'string' },
        },
      },
      response: { 201: anyObject, ...errors },
    },
  }, async (req, reply) => {
    const p = await repo.programmeByCode(db(), req.params.code);
    if (!p) throw problems.notFound(`No programme ${req.params.code}.`);
    const { activityCode, ...rest } = req.body;
    const activity = activityCode ? await loadActivity(p.code, activityCode) : null;
    authorize(req.principal, 'create', 'fundingRecord');
    const row = await inTransaction(app, (tx) => createFundingRecord(tx, { actor: actorOf(req.principal!, req.id), programmeId: p.id, activityId: activity?.id ?? null, ...rest }));
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
