// /api/v1/joint-list and /api/v1/alignment: the alignment's products, as JSON
// or CSV (Accept: text/csv or ?format=csv).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { alignmentReport, jointList, CMS_CATEGORIES, CITES_CATEGORIES, type AlignmentRow, type JointListFilters } from '../../alignment/repository.js';
import { presentRow, toCsv } from '../../alignment/format.js';
import { alignmentRowSchema } from '../presenters/alignment.js';
import { problemResponses } from '../schemas.js';
import { wantsCsv } from '../http.js';

const name = { type: 'string', minLength: 1, maxLength: 100 } as const;
const format = { type: 'string', enum: ['json', 'csv'] } as const;
const response = { 200: { type: 'array', items: alignmentRowSchema }, ...problemResponses } as const;

interface JointQuery { cms?: JointListFilters['cms']; cites?: JointListFilters['cites']; country?: string; class?: string; order?: string; family?: string; format?: 'json' | 'csv' }

export default async function alignment(app: FastifyInstance) {
  app.get<{ Querystring: JointQuery }>('/api/v1/joint-list', {
    schema: {
      tags: ['alignment'], summary: 'Species listed by both conventions (CMS concept with its CITES counterpart), filterable by appendix, range State, class, order, family',
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          cms: { type: 'string', enum: [...CMS_CATEGORIES, 'any', 'all'], default: 'I' },
          cites: { type: 'string', enum: [...CITES_CATEGORIES, 'any', 'all'], default: 'any' },
          country: { type: 'string', pattern: '^[A-Za-z]{2}$' }, class: name, order: name, family: name, format,
        },
      },
      response,
    },
  }, async (req, reply) => {
    const q = req.query;
    const rows = await jointList(app.database, { cms: q.cms, cites: q.cites, country: q.country?.toUpperCase(), className: q.class, orderName: q.order, familyName: q.family });
    return wantsCsv(req, q.format) ? sendCsv(reply, rows, 'joint-list.csv') : rows.map(presentRow);
  });

  app.get<{ Querystring: { class?: string; all?: boolean; format?: 'json' | 'csv' } }>('/api/v1/alignment', {
    schema: {
      tags: ['alignment'], summary: 'Nomenclature alignment report: CMS concepts whose CITES counterpart differs in name, rank or boundary (all=true: every CMS concept)',
      querystring: { type: 'object', additionalProperties: false, properties: { class: name, all: { type: 'boolean', default: false }, format } },
      response,
    },
  }, async (req, reply) => {
    const rows = await alignmentReport(app.database, { className: req.query.class, all: req.query.all });
    return wantsCsv(req, req.query.format) ? sendCsv(reply, rows, 'alignment.csv') : rows.map(presentRow);
  });
}

function sendCsv(reply: FastifyReply, rows: AlignmentRow[], file: string) {
  const text = toCsv(rows, { bom: true, crlf: true });
  return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${file}"`).serializer((x: string) => x).send(text);
}
