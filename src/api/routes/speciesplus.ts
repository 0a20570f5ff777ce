// Species+-compatible API (/api/speciesplus/v1): the paths, parameters and
// JSON shapes of api.speciesplus.net/api/v1, so existing clients (rcites ...)
// can point at Concord. X-Authentication-Token is accepted, never required.
// Ids are Concord's taxon concept ids.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sppConceptExists, sppDistributions, sppLegislation, sppReferences, sppTaxonConcepts } from '../../db/repositories/speciesplus.js';
import { presentSppConcept, presentSppDistribution, presentSppLegislation, presentSppReference } from '../presenters/speciesplus.js';
import { problems } from '../problems.js';
import { idParams, problemResponses } from '../schemas.js';
import { parseInstant, setPageHeaders } from '../http.js';

const base = '/api/speciesplus/v1';
const s = { type: 'string' } as const;
const sn = { type: ['string', 'null'] } as const;
const i = { type: 'integer' } as const;
const arr = (items: object) => ({ type: 'array', items }) as const;
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', properties, required, additionalProperties: false }) as const;

const partySchema = { ...obj({ iso_code2: s, name: s, type: s }), type: ['object', 'null'] };
const hashSchema = { type: ['object', 'null'], properties: { symbol: s, full_note: sn }, additionalProperties: false };
const nestedListing = obj({ id: i, appendix: s, annotation: sn, hash_annotation: hashSchema, effective_at: sn, party: partySchema });
const conceptSchema = obj({
  id: i, full_name: s, author_year: sn, rank: s, name_status: s, updated_at: s, active: { type: 'boolean' }, cites_listing: sn,
  higher_taxa: obj({ kingdom: sn, phylum: sn, class: sn, order: sn, family: sn }),
  synonyms: arr(obj({ id: i, full_name: s, author_year: sn, rank: s })),
  common_names: arr(obj({ name: s, language: s })),
  cites_listings: arr(nestedListing),
  cms_listing: { ...sn, description: 'Only with taxonomy=CMS (a Concord addition)' },
  cms_listings: { ...arr(nestedListing), description: 'Only with taxonomy=CMS (a Concord addition)' },
}, ['id', 'full_name', 'author_year', 'rank', 'name_status', 'updated_at', 'active', 'cites_listing', 'higher_taxa', 'synonyms', 'common_names', 'cites_listings']);

const pageResponse = obj({ pagination: obj({ current_page: i, per_page: i, total_entries: i }), taxon_concepts: arr(conceptSchema) });
/** Species+ fields Concord does not hold (quotas, suspensions): always empty, kept for compatibility. */
const NOT_HELD = { type: 'object', additionalProperties: true, description: 'Not held by Concord: the list is always empty' } as const;
const legislationResponse = obj({
  cites_listings: arr({ ...obj({ id: i, taxon_concept_id: i, is_current: { type: 'boolean' }, appendix: s, change_type: s, effective_at: sn, annotation: sn, party: partySchema }, ['id', 'taxon_concept_id', 'is_current', 'appendix', 'change_type', 'effective_at', 'annotation']) }),
  cites_quotas: { ...arr(NOT_HELD), maxItems: 0 }, cites_suspensions: { ...arr(NOT_HELD), maxItems: 0 },
});
const distributionResponse = arr(obj({ id: i, iso_code2: s, name: s, tags: arr(s), type: s, references: arr(s) }));
const referencesResponse = arr(obj({ id: i, citation: s, is_standard: { type: 'boolean' } }));

const langOne = { type: 'string', pattern: '^([Ee][Nn]|[Ee][Ss]|[Ff][Rr])$', description: 'en, es or fr' } as const;
const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    taxonomy: { type: 'string', enum: ['CITES', 'CMS', 'cites', 'cms'], default: 'CITES' },
    with_descendants: { type: 'boolean', default: false },
    updated_since: { type: 'string', maxLength: 40 },
    language: { type: 'string', pattern: '^[A-Za-z]{2}(,[A-Za-z]{2})*$', maxLength: 100, description: 'Common name languages, e.g. EN,FR' },
    page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
    per_page: { type: 'integer', minimum: 1, maximum: 500, default: 500 },
  },
} as const;

interface ListQuery { name?: string; taxonomy: string; with_descendants: boolean; updated_since?: string; language?: string; page: number; per_page: number }
type Lang = 'en' | 'es' | 'fr';
const lang = (v: string | undefined): Lang => (v?.toLowerCase() as Lang | undefined) ?? 'en';
const tokenHeader = { type: 'object', properties: { 'x-authentication-token': { type: 'string', maxLength: 200, description: 'Accepted (not required); a valid Concord API token raises the rate limit' } } } as const;

export default async function speciesplus(app: FastifyInstance) {
  const both = (path: string) => [`${base}${path}`, `${base}${path}.json`];

  for (const url of both('/taxon_concepts')) {
    app.get<{ Querystring: ListQuery }>(url, {
      schema: { tags: ['speciesplus'], summary: 'Species+ compatible: taxon concepts (paged; CITES or CMS taxonomy)', headers: tokenHeader, querystring: listQuery, response: { 200: pageResponse, ...problemResponses }, hide: url.endsWith('.json') },
    }, async (req, reply) => {
      const q = req.query;
      const taxonomy = q.taxonomy.toUpperCase() as 'CITES' | 'CMS';
      const { rows, total } = await sppTaxonConcepts(app.database, {
        taxonomy, name: q.name, withDescendants: q.with_descendants, page: q.page, perPage: q.per_page,
        updatedSince: q.updated_since ? parseInstant(q.updated_since, 'updated_since') : undefined, languages: q.language?.split(','),
      });
      setPageHeaders(req, reply, { page: q.page, perPage: q.per_page, total });
      return { pagination: { current_page: q.page, per_page: q.per_page, total_entries: total }, taxon_concepts: rows.map((r) => presentSppConcept(r, taxonomy, lang(q.language?.split(',')[0]))) };
    });
  }

  const one = <Q>(path: string, summary: string, querystring: object, response: object, handler: (id: number, q: Q) => Promise<unknown>) => {
    for (const url of both(`/taxon_concepts/:id/${path}`)) {
      app.get<{ Params: { id: number }; Querystring: Q }>(url, {
        schema: { tags: ['speciesplus'], summary, headers: tokenHeader, params: idParams, querystring, response: { 200: response, ...problemResponses }, hide: url.endsWith('.json') },
      }, async (req: FastifyRequest<{ Params: { id: number }; Querystring: Q }>, _reply: FastifyReply) => {
        if (!(await sppConceptExists(app.database, req.params.id))) throw problems.notFound(`No taxon concept with id ${req.params.id}`);
        return handler(req.params.id, req.query as Q);
      });
    }
  };

  one<{ language?: string }>('distributions', 'Species+ compatible: distributions of a taxon concept',
    { type: 'object', additionalProperties: false, properties: { language: langOne } }, distributionResponse,
    async (id, q) => (await sppDistributions(app.database, id)).map((d) => presentSppDistribution(d, lang(q.language))));

  one<{ language?: string; scope: 'current' | 'historic' | 'all' }>('cites_legislation', 'Species+ compatible: CITES listings of a taxon concept (quotas and suspensions: not held, empty)',
    { type: 'object', additionalProperties: false, properties: { language: langOne, scope: { type: 'string', enum: ['current', 'historic', 'all'], default: 'current' } } }, legislationResponse,
    async (id, q) => presentSppLegislation(await sppLegislation(app.database, id, q.scope), lang(q.language)));

  one<Record<string, never>>('references', 'Species+ compatible: references of a taxon concept',
    { type: 'object', additionalProperties: false, properties: {} }, referencesResponse,
    async (id) => (await sppReferences(app.database, id)).map(presentSppReference));
}
