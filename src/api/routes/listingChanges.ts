// Recording a listing change by hand (a Secretariat closing the gap after the
// newest complete source). Route -> load -> policy -> command -> presenter.
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../auth/principal.js';
import { authorize } from '../../policies/authorize.js';
import { recordListingChange } from '../../commands/listingChangeRecorder.js';
import { getTaxon } from '../../db/repositories/taxa.js';
import { currentStatus } from '../../presenters/status.js';
import { joinedFields } from '../../listings/current.js';
import { CHANGE_TYPES, type ChangeType } from '../../taxonomy/ranks.js';
import type { Convention } from '../../taxonomy/conventions.js';
import { conventionStatusSchema, currentListingProps, idParams } from '../schemas.js';
import { problems } from '../problems.js';
import { inTransaction } from '../transaction.js';

const problem = { $ref: 'Problem#' };
const iso2 = { type: 'string', pattern: '^[A-Za-z]{2}$' } as const;
const text = { type: ['string', 'null'], maxLength: 20000 } as const;

interface Body {
  convention: Convention; appendix: string; change_type: ChangeType; effective_at: string; party?: string | null;
  populations_included?: string[]; populations_excluded?: string[]; annotation?: { en?: string | null; es?: string | null; fr?: string | null }; source_document: string;
}

export default async function listingChangeRoutes(app: FastifyInstance) {
  app.useAuthentication();
  app.post<{ Params: { id: number }; Body: Body }>('/api/v1/taxa/:id/listing-changes', {
    schema: {
      tags: ['taxa'], summary: "Record a listing change by hand (CITES Secretariat for CITES taxa, CMS Secretariat for CMS taxa); never overwritten by an import; the status follows at once",
      params: idParams,
      body: {
        type: 'object', additionalProperties: false, required: ['convention', 'appendix', 'change_type', 'effective_at', 'source_document'],
        properties: {
          convention: { type: 'string', enum: ['CITES', 'CMS'] }, appendix: { type: 'string', enum: ['I', 'II', 'III'] },
          change_type: { type: 'string', enum: [...CHANGE_TYPES] }, effective_at: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          party: { ...iso2, type: ['string', 'null'] }, populations_included: { type: 'array', maxItems: 300, items: iso2 }, populations_excluded: { type: 'array', maxItems: 300, items: iso2 },
          annotation: { type: 'object', additionalProperties: false, properties: { en: text, es: text, fr: text } },
          source_document: { type: 'string', minLength: 1, maxLength: 500, description: 'The document that decides it, e.g. "CoP19 Prop. 37" or "UNEP/CMS/COP14/Doc.31.4"' },
          _csrf: { type: 'string' },
        },
      },
      response: {
        201: {
          type: 'object', additionalProperties: false, required: ['id', 'taxon_concept_id', 'convention', 'appendix', 'change_type', 'effective_at', 'status', 'cites_listing', 'cms_listing'],
          properties: {
            id: { type: 'integer' }, taxon_concept_id: { type: 'integer' }, convention: { type: 'string' }, appendix: { type: 'string' }, change_type: { type: 'string' }, effective_at: { type: 'string' },
            cites_listing: currentListingProps.cites_listing, cms_listing: currentListingProps.cms_listing,
            status: { type: 'object', additionalProperties: false, required: ['CITES', 'CMS'], properties: { CITES: conventionStatusSchema, CMS: conventionStatusSchema } },
          },
        },
        400: problem, 401: problem, 403: problem, 404: problem,
      },
    },
  }, async (req, reply) => {
    const taxon = await getTaxon(app.database, req.params.id);
    if (!taxon) throw problems.notFound(`No taxon concept with id ${req.params.id}`);
    authorize(req.principal, 'create', 'listingChange', { leadSecretariats: [req.body.convention] });
    const b = req.body;
    const row = await inTransaction(app, (tx) => recordListingChange(tx, {
      actor: actorOf(req.principal!, req.id), taxonConceptId: taxon.id, convention: b.convention, appendix: b.appendix, changeType: b.change_type,
      effectiveAt: b.effective_at, partyIso2: b.party ?? null, populationsIncluded: b.populations_included, populationsExcluded: b.populations_excluded,
      annotation: b.annotation, sourceDocument: b.source_document,
    }));
    const after = (await getTaxon(app.database, taxon.id))!;
    const j = joinedFields(after);
    return reply.code(201).send({
      id: row.id, taxon_concept_id: row.taxonConceptId, convention: row.convention, appendix: row.appendix, change_type: row.changeType, effective_at: row.effectiveAt,
      cites_listing: j.cites_listing, cms_listing: j.cms_listing, status: { CITES: currentStatus(after, 'CITES'), CMS: currentStatus(after, 'CMS') },
    });
  });
}
