// /exports: the whole database as NDJSON, the Checklist CSV layout per
// convention, and a Darwin Core Archive. Streamed; the ETag is the data version.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dataVersion } from '../../db/repositories/changes.js';
import { ndjsonStream } from '../../export/ndjson.js';
import { checklistCsvStream } from '../../export/checklist-csv.js';
import { buildDwca } from '../../export/dwca.js';
import { problemResponses } from '../schemas.js';
import { coverage } from '../../db/repositories/coverage.js';

const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;
const binary = (description: string) => ({ 200: { description, type: 'string' }, ...problemResponses });

/** 304 when the caller holds the current version; else set the ETag (and the data's "as of") and go on. */
async function fresh(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, kind: string): Promise<boolean> {
  const etag = `W/"${createHash('sha1').update(`${kind}|${await dataVersion(app.database)}`).digest('base64url')}"`;
  reply.header('ETag', etag).header('Cache-Control', 'no-cache');
  // Every export says the day each convention's data are complete to.
  const cover = await coverage(app.database);
  reply.header('Concord-CITES-As-Of', cover.CITES.complete?.as_of ?? 'unknown').header('Concord-CMS-As-Of', cover.CMS.complete?.as_of ?? 'unknown');
  if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) { reply.code(304).send(); return true; }
  return false;
}

export default async function exportsRoutes(app: FastifyInstance) {
  app.get('/exports/ndjson', {
    schema: { tags: ['exports'], summary: 'Every taxon concept of both conventions, one JSON document a line (streamed)', querystring: noQuery, produces: ['application/x-ndjson'], response: binary('NDJSON') },
  }, async (req, reply) => {
    if (await fresh(app, req, reply, 'ndjson')) return reply;
    return reply.type('application/x-ndjson; charset=utf-8').header('Content-Disposition', 'attachment; filename="concord.ndjson"').send(ndjsonStream(app.database));
  });

  app.get<{ Querystring: { convention: 'cites' | 'cms' } }>('/exports/checklist.csv', {
    schema: {
      tags: ['exports'], summary: 'Accepted taxa of one convention in the CITES Checklist CSV layout (UTF-8 with BOM)',
      querystring: { type: 'object', additionalProperties: false, properties: { convention: { type: 'string', enum: ['cites', 'cms', 'CITES', 'CMS'], default: 'cites' } } },
      produces: ['text/csv'], response: binary('CSV'),
    },
  }, async (req, reply) => {
    const convention = req.query.convention.toUpperCase() as 'CITES' | 'CMS';
    if (await fresh(app, req, reply, `csv-${convention}`)) return reply;
    return reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${convention.toLowerCase()}-checklist.csv"`).send(checklistCsvStream(app.database, convention));
  });

  app.get('/exports/dwca.zip', {
    schema: { tags: ['exports'], summary: 'Darwin Core Archive: Taxon core, VernacularName and Distribution extensions, meta.xml, eml.xml', querystring: noQuery, produces: ['application/zip'], response: binary('ZIP') },
  }, async (req, reply) => {
    if (await fresh(app, req, reply, 'dwca')) return reply;
    return reply.type('application/zip').header('Content-Disposition', 'attachment; filename="concord-dwca.zip"').send(await buildDwca(app.database));
  });
}
