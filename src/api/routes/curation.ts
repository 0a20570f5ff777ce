// The review queue of cross-convention links and the Secretariats' decisions on them.
import type { FastifyInstance } from 'fastify';
import authPlugin, { inTransaction } from '../../auth/plugin.js';
import { actorOf } from '../../auth/principal.js';
import { authorize } from '../../policies/authorize.js';
import { can } from '../../policies/table.js';
import { CURATION_DECISIONS, RELATIONS, type CurationDecision } from '../../programme/domain.js';
import { conceptLinkById, reviewQueue } from '../../programme/repository.js';
import { curateLink } from '../../commands/linkCurator.js';
import { problems } from '../problems.js';

const problem = { $ref: 'Problem#' };
const anyObject = { type: 'object', additionalProperties: true } as const;

type LinkRow = Awaited<ReturnType<typeof conceptLinkById>>;
function presentLink(l: NonNullable<LinkRow>, names: { cmsName?: string | null; citesName?: string | null } = {}) {
  return {
    id: l.id, cmsTaxonConceptId: l.cmsTaxonConceptId, cmsName: names.cmsName ?? null, citesTaxonConceptId: l.citesTaxonConceptId, citesName: names.citesName ?? null,
    relation: l.relation, basis: l.basis, origin: l.origin, confidence: l.confidence, review: l.review, comment: l.comment, curatedBy: l.createdBy, updatedAt: l.updatedAt.toISOString(),
  };
}

export default async function curationRoutes(app: FastifyInstance) {
  await app.register(authPlugin);

  app.get<{ Querystring: { limit?: number; offset?: number } }>('/api/v1/curation/links', {
    schema: { tags: ['curation'], summary: 'Links waiting for review (least confident first)', querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500 }, offset: { type: 'integer', minimum: 0 } } }, response: { 200: anyObject, 400: problem, 401: problem } },
  }, async (req) => {
    const { rows, total } = await reviewQueue(app.database.db, { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 });
    return { total, can: { curate: can(req.principal, 'curate', 'conceptLink') }, links: rows.map((r) => presentLink(r.link, r)) };
  });

  app.post<{ Params: { id: number }; Body: { decision: CurationDecision; comment: string; citesTaxonConceptId?: number | null; relation?: string } }>('/api/v1/curation/links/:id', {
    schema: {
      tags: ['curation'], summary: 'Confirm, reject or replace a link, with a comment; curated links survive re-imports',
      params: { type: 'object', properties: { id: { type: 'integer' } } },
      body: { type: 'object', required: ['decision', 'comment'], additionalProperties: false, properties: { decision: { type: 'string', enum: [...CURATION_DECISIONS] }, comment: { type: 'string', minLength: 1, maxLength: 5000 }, citesTaxonConceptId: { type: ['integer', 'null'] }, relation: { type: 'string', enum: [...RELATIONS] }, _csrf: { type: 'string' } } },
      response: { 200: anyObject, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (req) => {
    const link = await conceptLinkById(app.database.db, req.params.id);
    if (!link) throw problems.notFound(`No concept link ${req.params.id}.`);
    authorize(req.principal, 'curate', 'conceptLink');
    const { decision, comment, citesTaxonConceptId, relation } = req.body;
    const after = await inTransaction(app, (tx) => curateLink(tx, { actor: actorOf(req.principal!, req.id), linkId: link.id, decision, comment, citesTaxonConceptId, relation }));
    // removed: a rejected counterpart of a concept that keeps other curated ones is deleted, not kept as disjunct.
    return { ...presentLink(after), ...(after.removed ? { removed: true } : {}) };
  });
}
