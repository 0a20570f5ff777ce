// The review queue of cross-convention links and the Secretariats' decisions on them.
import type { FastifyInstance } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import { actorOf } from '../../auth/principal.js';
import { authorize } from '../../policies/authorize.js';
import { can } from '../../policies/table.js';
import { conceptLinkById, reviewQueue } from '../../programme/repository.js';
import { curateLink } from '../../commands/linkCurator.js';
import { problems } from '../problems.js';
import { inTransaction } from '../transaction.js';
import { idParams, problem } from '../schemas/common.js';
import { curatedLinkSchema, decisionBody, queueQuery, reviewQueueSchema } from '../schemas/curation.js';

type LinkRow = Awaited<ReturnType<typeof conceptLinkById>>;
function presentLink(l: NonNullable<LinkRow>, names: { cmsName?: string | null; citesName?: string | null } = {}) {
  return {
    id: l.id, cms_taxon_concept_id: l.cmsTaxonConceptId, cms_name: names.cmsName ?? null, cites_taxon_concept_id: l.citesTaxonConceptId, cites_name: names.citesName ?? null,
    relation: l.relation, basis: l.basis, origin: l.origin, confidence: l.confidence, review: l.review, comment: l.comment, curated_by: l.createdBy, updated_at: l.updatedAt.toISOString(),
  };
}

export default async function curationRoutes(app: FastifyInstance) {
  app.useAuthentication();

  app.get<{ Querystring: FromSchema<typeof queueQuery> }>('/api/v1/curation/links', {
    schema: { tags: ['curation'], summary: 'Links waiting for review (least confident first)', querystring: queueQuery, response: { 200: reviewQueueSchema, 400: problem, 401: problem } },
  }, async (req) => {
    const { rows, total } = await reviewQueue(app.database.db, { limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 });
    return { total, can: { curate: can(req.principal, 'curate', 'conceptLink') }, links: rows.map((r) => presentLink(r.link, r)) };
  });

  app.post<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof decisionBody> }>('/api/v1/curation/links/:id', {
    schema: {
      tags: ['curation'], summary: 'Confirm, reject or replace a link, with a comment; curated links survive re-imports',
      params: idParams, body: decisionBody, response: { 200: curatedLinkSchema, 400: problem, 401: problem, 403: problem, 404: problem },
    },
  }, async (req) => {
    const link = await conceptLinkById(app.database.db, req.params.id);
    if (!link) throw problems.notFound(`No concept link ${req.params.id}.`);
    authorize(req.principal, 'curate', 'conceptLink');
    const { decision, comment, cites_taxon_concept_id: citesTaxonConceptId, relation } = req.body;
    const after = await inTransaction(app, (tx) => curateLink(tx, { actor: actorOf(req.principal!, req.id), linkId: link.id, decision, comment, citesTaxonConceptId, relation }));
    // removed: a rejected counterpart of a concept that keeps other curated ones is deleted, not kept as disjunct.
    return { ...presentLink(after), ...(after.removed ? { removed: true } : {}) };
  });
}
