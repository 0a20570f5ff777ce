// Reading the Joint Work Programme: programmes, activities with their progress,
// shared-species groups with each taxon's status in both conventions, and the
// implementation report download. Public; editing abilities come with the reads.
import type { FastifyInstance } from 'fastify';
import { can } from '../../policies/table.js';
import { normaliseActivityCode } from '../../programme/domain.js';
import * as repo from '../../programme/repository.js';
import * as present from '../../programme/presenters.js';
import { loadImplementationReport } from '../../report/load.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../../report/render.js';
import { problems } from '../problems.js';
import { problem } from '../schemas/common.js';
import {
  activityDetailSchema, activityParams, codeParams, programmeDetailSchema, programmeSchema, slugParams, speciesGroupDetailSchema, speciesGroupSummarySchema,
} from '../schemas/programme.js';

export default async function programmeRoutes(app: FastifyInstance) {
  app.useAuthentication();
  const db = () => app.database.db;

  app.get('/api/v1/programmes', { schema: { tags: ['programme'], summary: 'Work programmes, newest first', response: { 200: { type: 'array', items: programmeSchema }, 401: problem } } },
    async () => (await repo.listProgrammes(db())).map(present.presentProgramme));

  app.get<{ Params: { code: string } }>('/api/v1/programmes/:code', {
    schema: { tags: ['programme'], summary: 'A programme: themes with their activities and progress by status, funding', params: codeParams, response: { 200: programmeDetailSchema, 401: problem, 404: problem } },
  }, async (req) => {
    const p = await loadProgramme(req.params.code);
    const [themes, acts, funding] = await Promise.all([repo.themesOf(db(), p.id), repo.activitiesOf(db(), p.id), repo.fundingOf(db(), p.id)]);
    return {
      programme: present.presentProgramme(p),
      can: { update: can(req.principal, 'update', 'programme') },
      themes: themes.map((t) => {
        const mine = acts.filter((a) => a.themeId === t.id);
        const counts = { planned: 0, ongoing: 0, completed: 0, discontinued: 0 } as Record<string, number>;
        for (const a of mine) counts[a.status] = (counts[a.status] ?? 0) + 1;
        return { ...present.presentTheme(t), counts, activities: mine.map((a) => present.presentActivitySummary(a, t.code)) };
      }),
      funding: funding.map((f) => present.presentFunding(f.f, f.code)),
    };
  });

  app.get<{ Params: { code: string; activity: string } }>('/api/v1/programmes/:code/activities/:activity', {
    schema: { tags: ['programme'], summary: 'An activity: text, mandates, species groups, progress timeline, and what the caller may edit', params: activityParams, response: { 200: activityDetailSchema, 400: problem, 401: problem, 404: problem } },
  }, async (req) => {
    const p = await loadProgramme(req.params.code);
    const a = await loadActivity(p.id, req.params.code, req.params.activity);
    const [themes, progress, groups, funding] = await Promise.all([
      repo.themesOf(db(), p.id), repo.progressOf(db(), [a.id]), repo.groupsOfActivities(db(), [a.id]), repo.fundingOf(db(), p.id),
    ]);
    const theme = themes.find((t) => t.id === a.themeId)!;
    const target = { leadSecretariats: a.leadSecretariats };
    return {
      programme: { code: p.code, title: p.title },
      theme: present.presentTheme(theme),
      activity: present.presentActivity(a, theme.code),
      species_groups: groups.map((g) => ({ slug: g.slug, name: g.name })),
      progress: (progress.get(a.id) ?? []).map(present.presentProgress),
      funding: funding.filter((f) => f.f.activityId === a.id).map((f) => present.presentFunding(f.f, f.code)),
      can: { update: can(req.principal, 'update', 'activity', target), add_progress: can(req.principal, 'create', 'progressEntry', target) },
    };
  });

  app.get('/api/v1/species-groups', { schema: { tags: ['programme'], summary: 'Shared species of particular attention (Annex 2, theme B)', response: { 200: { type: 'array', items: speciesGroupSummarySchema }, 401: problem } } },
    async () => (await repo.listSpeciesGroups(db())).map((g) => ({ slug: g.slug, name: g.name, taxa: g.taxa.map((t) => ({ name: t.name, common_name: t.commonName })) })));

  app.get<{ Params: { slug: string } }>('/api/v1/species-groups/:slug', {
    schema: { tags: ['programme'], summary: "A species group: each taxon's concepts in both taxonomies with their CITES and CMS status, and the activities about it", params: slugParams, response: { 200: speciesGroupDetailSchema, 401: problem, 404: problem } },
  }, async (req) => {
    const g = await repo.speciesGroupBySlug(db(), req.params.slug);
    if (!g) throw problems.notFound(`No species group '${req.params.slug}'.`);
    const [concepts, acts] = await Promise.all([repo.conceptsForNames(db(), g.taxa.map((t) => t.nameKey)), repo.activitiesOfGroup(db(), g.id)]);
    return {
      group: { slug: g.slug, name: g.name, description: g.description },
      taxa: g.taxa.map((t) => ({ name: t.name, common_name: t.commonName, concepts: concepts.filter((c) => c.nameKey === t.nameKey).map(present.presentConcept) })),
      activities: acts.map(({ a, programmeCode }) => ({ programme: programmeCode, code: a.code, text: a.text, status: a.status })),
    };
  });

  app.get<{ Params: { code: string }; Querystring: { format?: ReportFormat } }>('/api/v1/programmes/:code/report', {
    schema: {
      tags: ['programme'], summary: 'Implementation report (Annex-1 style: activity | results, by theme) as HTML, DOCX or CSV',
      params: codeParams, querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: [...REPORT_FORMATS] } } },
      response: {
        200: { description: 'The report file', content: { 'text/html': { schema: { type: 'string' } }, 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { schema: { type: 'string', format: 'binary' } } } },
        400: problem, 401: problem, 404: problem,
      },
    },
  }, async (req, reply) => {
    await loadProgramme(req.params.code);
    const report = await loadImplementationReport(app.database, req.params.code);
    const out = await renderReport(report!, req.query.format ?? 'html');
    reply.header('content-type', out.contentType);
    if (out.extension !== 'html') reply.header('content-disposition', `attachment; filename="implementation-${req.params.code}.${out.extension}"`);
    return reply.send(out.body);
  });

  async function loadProgramme(code: string) {
    const p = await repo.programmeByCode(db(), code);
    if (!p) throw problems.notFound(`No programme ${code}.`);
    return p;
  }

  async function loadActivity(programmeId: number, programmeCode: string, raw: string) {
    const code = normaliseActivityCode(raw);
    if (!code) throw problems.badRequest(`'activity': expected an activity code such as A1 or B15, got '${raw}'`, 'activity');
    const a = await repo.activityByCode(db(), programmeId, code);
    if (!a) throw problems.notFound(`No activity ${code} in programme ${programmeCode}.`);
    return a;
  }
}
