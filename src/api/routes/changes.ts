// /api/v1/changes: what changed since a moment, with tombstones for removed taxa.
import type { FastifyInstance } from 'fastify';
import { changesSince } from '../../db/repositories/changes.js';
import { presentChange } from '../presenters/countries.js';
import { pageQuery, problemResponses, taxonomyEnum } from '../schemas.js';
import { parseInstant, setPageHeaders } from '../http.js';

const changeSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['updated', 'removed'], description: "'removed' is a tombstone: the taxon concept is gone" },
    id: { type: 'integer' }, taxonomy: taxonomyEnum, full_name: { type: 'string' }, at: { type: 'string', format: 'date-time' },
    rank: { type: ['string', 'null'] }, name_status: { type: ['string', 'null'] },
  },
  required: ['kind', 'id', 'taxonomy', 'full_name', 'at', 'rank', 'name_status'],
  additionalProperties: false,
} as const;

export default async function changes(app: FastifyInstance) {
  app.get<{ Querystring: { updated_since: string; page: number; per_page: number } }>('/api/v1/changes', {
    schema: {
      tags: ['changes'], summary: 'Change feed: taxon concepts updated or removed since a date-time, oldest first',
      querystring: { type: 'object', additionalProperties: false, required: ['updated_since'], properties: { updated_since: { type: 'string', maxLength: 40, description: 'ISO 8601 date or date-time' }, ...pageQuery } },
      response: { 200: { type: 'array', items: changeSchema }, ...problemResponses },
    },
  }, async (req, reply) => {
    const since = parseInstant(req.query.updated_since, 'updated_since');
    const { rows, total } = await changesSince(app.database, since, { page: req.query.page, perPage: req.query.per_page });
    setPageHeaders(req, reply, { page: req.query.page, perPage: req.query.per_page, total });
    return rows.map(presentChange);
  });
}
