// /api/v1/countries: Party membership in both conventions, species occurring, shared species.
import type { FastifyInstance } from 'fastify';
import type { TaxonomyFilter } from '../../db/repositories/taxa.js';
import { countrySpecies, getCountry, listCountries } from '../../db/repositories/countries.js';
import { presentCountry, presentCountrySpecies } from '../presenters/countries.js';
import { problems } from '../problems.js';
import { currentListingProps, currentListingRequired, pageQuery, problemResponses, taxonomyEnum } from '../schemas.js';
import { setPageHeaders } from '../http.js';

const strOrNull = { type: ['string', 'null'] } as const;
const membership = {
  type: 'object',
  properties: {
    party: { type: 'boolean' }, since: { ...strOrNull, description: 'Entry into force (YYYY-MM-DD), null when unknown' },
    according_to: {
      type: ['object', 'null'], additionalProperties: false, required: ['source', 'file', 'as_of', 'origin'],
      description: "The source of the fact (Party since, or 'not a Party'), and the day it is as of; null when no source says anything",
      properties: { source: strOrNull, file: strOrNull, as_of: strOrNull, origin: { type: 'string', enum: ['imported', 'curated'] } },
    },
  },
  required: ['party', 'since', 'according_to'], additionalProperties: false,
} as const;
export const countrySchema = {
  type: 'object',
  properties: {
    iso2: { type: 'string' }, iso3: strOrNull,
    m49: { type: ['string', 'null'], pattern: '^[0-9]{3}$', description: 'UN M49 numeric code (3 digits), null when unknown' },
    type: { type: 'string' },
    name: { type: 'object', properties: { en: { type: 'string' }, fr: strOrNull, es: strOrNull }, required: ['en', 'fr', 'es'], additionalProperties: false },
    region: strOrNull, is_current: { type: 'boolean' },
    parties: { type: 'object', properties: { CITES: membership, CMS: membership }, required: ['CITES', 'CMS'], additionalProperties: false },
  },
  required: ['iso2', 'iso3', 'm49', 'type', 'name', 'region', 'is_current', 'parties'],
  additionalProperties: false,
} as const;

const speciesItem = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, taxonomy: taxonomyEnum, full_name: { type: 'string' }, rank: { type: 'string' }, family: strOrNull,
    tags: { type: 'array', items: { type: 'string' } }, shared: { type: 'boolean', description: 'Listed in both conventions (its joined status has a CITES and a CMS listing)' },
    ...currentListingProps,
  },
  required: ['id', 'taxonomy', 'full_name', 'rank', 'family', 'tags', 'shared', ...currentListingRequired],
  additionalProperties: false,
} as const;

const iso2Params = { type: 'object', properties: { iso2: { type: 'string', pattern: '^[A-Za-z]{2}$' } }, required: ['iso2'], additionalProperties: false } as const;

export default async function countries(app: FastifyInstance) {
  app.get<{ Querystring: { party?: 'CITES' | 'CMS' } }>('/api/v1/countries', {
    schema: {
      tags: ['countries'], summary: 'Countries and territories, with Party membership of CITES and CMS',
      querystring: { type: 'object', additionalProperties: false, properties: { party: { type: 'string', enum: ['CITES', 'CMS'] } } },
      response: { 200: { type: 'array', items: countrySchema }, ...problemResponses },
    },
  }, async (req) => (await listCountries(app.database, { party: req.query.party })).map(presentCountry));

  app.get<{ Params: { iso2: string }; Querystring: { shared?: boolean; taxonomy: TaxonomyFilter; page: number; per_page: number } }>('/api/v1/countries/:iso2', {
    schema: {
      tags: ['countries'], summary: 'One country: Party since when, species occurring there (paged), shared species',
      params: iso2Params,
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          shared: { type: 'boolean', description: 'Only species listed in both conventions' },
          taxonomy: { type: 'string', enum: ['cites', 'cms', 'both'], default: 'both', description: "'both': one row per species; 'cites' or 'cms': the concepts of that taxonomy (counts too)" },
          ...pageQuery,
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            ...countrySchema.properties,
            species_count: { type: 'integer' }, shared_species_count: { type: 'integer' },
            species: { type: 'array', items: speciesItem },
          },
          required: [...countrySchema.required, 'species_count', 'shared_species_count', 'species'],
          additionalProperties: false,
        },
        ...problemResponses,
      },
    },
  }, async (req, reply) => {
    const iso2 = req.params.iso2.toUpperCase();
    const country = await getCountry(app.database, iso2);
    if (!country) throw problems.notFound(`No country or territory with ISO code '${iso2}'`);
    const q = req.query;
    const s = await countrySpecies(app.database, iso2, { sharedOnly: q.shared, taxonomy: q.taxonomy, page: q.page, perPage: q.per_page });
    setPageHeaders(req, reply, { page: q.page, perPage: q.per_page, total: s.total });
    return { ...presentCountry(country), species_count: s.total, shared_species_count: s.shared, species: s.rows.map(presentCountrySpecies) };
  });
}
