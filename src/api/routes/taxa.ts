// /api/v1/taxa: search, one taxon concept with all its facts, status on a date.
import type { FastifyInstance } from 'fastify';
import { getTaxon, searchTaxa, tombstoneFor, type TaxonomyFilter } from '../../db/repositories/taxa.js';
import { nameKey } from '../../taxonomy/keys.js';
import { RANKS } from '../../taxonomy/ranks.js';
import { presentTaxonDetail, presentTaxonSummary, importRunIds } from '../../presenters/taxa.js';
import { currentStatus, taxonStatusOn } from '../../presenters/status.js';
import { problems } from '../problems.js';
import { ReadCache } from '../services/cache.js';
import { ImportRunMemo } from '../services/importRuns.js';
import { idParams, pageQuery, problemResponses, statusOnDateSchema, taxonDetailSchema, taxonSummarySchema } from '../schemas.js';
import { parseDate, parseInstant, sendWire, setPageHeaders, toWire } from '../http.js';
import { INSTRUMENTS } from '../../taxonomy/instruments.js';
import { joinedFields } from '../../listings/current.js';


const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200, description: 'Name prefix: accepted name, synonym or common name in any language; accents and case ignored' },
    taxonomy: { type: 'string', enum: ['cites', 'cms', 'both'], default: 'both' },
    rank: { type: 'string', enum: [...RANKS] },
    higher_taxon: { type: 'string', minLength: 1, maxLength: 100, description: 'Kingdom, phylum, class, order, family or genus name' },
    cites_appendix: { type: 'string', enum: ['I', 'II', 'III', 'i', 'ii', 'iii'], description: 'A CITES Appendix covering the taxon itself (own or inherited listing, in its joined status)' },
    cms_appendix: { type: 'string', enum: ['I', 'II', 'i', 'ii'], description: 'A CMS Appendix covering the taxon (I includes taxa in I and II)' },
    cms_instrument: { type: 'string', enum: INSTRUMENTS.map((i) => i.code), description: 'A CMS Agreement or MOU covering the taxon (codes of GET /api/v1/cms-instruments)' },
    range_state: { type: 'string', pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code of a range State' },
    name_status: { type: 'string', enum: ['accepted', 'any'], default: 'accepted' },
    updated_since: { type: 'string', maxLength: 40 },
    ...pageQuery,
  },
} as const;

interface SearchQuery {
  q?: string; taxonomy: TaxonomyFilter; rank?: string; higher_taxon?: string; cites_appendix?: string; cms_appendix?: string; cms_instrument?: string;
  range_state?: string; name_status: 'accepted' | 'any'; updated_since?: string; page: number; per_page: number;
}

export default async function taxa(app: FastifyInstance) {
  const cache = new ReadCache(app.database);
  const importRuns = new ImportRunMemo(app.database);
  app.addHook('onClose', async () => { cache.close(); });
  app.get<{ Querystring: SearchQuery }>('/api/v1/taxa', {
    schema: {
      tags: ['taxa'], summary: 'Search taxon concepts of both conventions', querystring: searchQuery,
      response: { 200: { type: 'array', items: taxonSummarySchema }, ...problemResponses },
    },
  }, async (req, reply) => {
    const q = req.query;
    const key = q.q ? nameKey(q.q) : undefined;
    if (q.q !== undefined && !key) throw problems.badRequest(`'q' must contain letters, got '${q.q.slice(0, 40)}'`, 'q');
    const search = {
      q: key, taxonomy: q.taxonomy, rank: q.rank, higherTaxon: q.higher_taxon, citesAppendix: q.cites_appendix?.toUpperCase(),
      cmsAppendix: q.cms_appendix?.toUpperCase(), cmsInstrument: q.cms_instrument, rangeState: q.range_state?.toUpperCase(), allStatuses: q.name_status === 'any',
      updatedSince: q.updated_since ? parseInstant(q.updated_since, 'updated_since') : undefined, page: q.page, perPage: q.per_page,
    };
    const { wire, total } = await cache.get(`search:${JSON.stringify(search)}`, async () => {
      const { rows, total } = await searchTaxa(app.database, search);
      return { wire: toWire(reply, rows.map(presentTaxonSummary)), total };
    });
    setPageHeaders(req, reply, { page: q.page, perPage: q.per_page, total });
    return sendWire(reply, wire);
  });

  app.get('/api/v1/cms-instruments', {
    schema: {
      tags: ['taxa'], summary: 'The CMS Agreements and Memoranda of Understanding (instruments are not Appendices)',
      response: { 200: { type: 'array', items: { type: 'object', additionalProperties: false, properties: { code: { type: 'string' }, name: { type: 'string' }, title: { type: 'string' }, kind: { type: 'string', enum: ['agreement', 'mou'] } }, required: ['code', 'name', 'title', 'kind'] } }, ...problemResponses },
    },
  }, async () => INSTRUMENTS.map(({ code, name, title, kind }) => ({ code, name, title, kind })));

  app.get<{ Params: { id: number } }>('/api/v1/taxa/:id', {
    schema: {
      tags: ['taxa'], summary: 'One taxon concept: names, higher taxa, distributions, status in both conventions, listing history, cross-convention links, sources',
      params: idParams, querystring: { type: 'object', additionalProperties: false, properties: {} },
      response: { 200: taxonDetailSchema, ...problemResponses },
    },
  }, async (req, reply) => {
    const wire = await cache.get(`taxon:${req.params.id}`, async () => {
      const row = await getTaxon(app.database, req.params.id);
      if (!row) return null;
      const runs = await importRuns.byIds(importRunIds(row));
      return toWire(reply, presentTaxonDetail(row, { CITES: currentStatus(row, 'CITES'), CMS: currentStatus(row, 'CMS') }, runs));
    });
    if (!wire) throw await notFound(app, req.params.id);
    return sendWire(reply, wire);
  });

  app.get<{ Params: { id: number }; Querystring: { on: string } }>('/api/v1/taxa/:id/status', {
    schema: {
      tags: ['taxa'], summary: 'Status of a taxon concept in both conventions on a date',
      params: idParams,
      querystring: { type: 'object', additionalProperties: false, required: ['on'], properties: { on: { type: 'string', maxLength: 10, description: 'YYYY-MM-DD' } } },
      response: { 200: statusOnDateSchema, ...problemResponses },
    },
  }, async (req) => {
    const on = parseDate(req.query.on, 'on');
    const row = await getTaxon(app.database, req.params.id);
    if (!row) throw await notFound(app, req.params.id);
    const { cites_as_of, cms_as_of } = joinedFields(row);
    return { id: row.id, full_name: row.full_name, taxonomy: row.taxonomy_id, on, cites_as_of, cms_as_of, ...(await taxonStatusOn(app.database, row, on)) };
  });
}

async function notFound(app: FastifyInstance, id: number) {
  const gone = await tombstoneFor(app.database, id);
  return problems.notFound(gone ? `Taxon concept ${id} was removed on ${new Date(gone.deleted_at).toISOString().slice(0, 10)}` : `No taxon concept with id ${id}`);
}

