import type { FastifyInstance } from 'fastify';
import { collectStats } from '../../db/stats.js';

const healthSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable', 'seeding', 'seed failed'], description: "'seeding' while a first start loads the reference data (the server listens meanwhile)" },
    progress: {
      type: 'object', description: 'While seeding: steps done of the seed plan, and the current one',
      properties: { done: { type: 'integer' }, total: { type: 'integer' }, step: { type: ['string', 'null'] } }, required: ['done', 'total', 'step'],
    },
    error: { type: 'string' },
    database: { type: 'object', properties: { kind: { type: 'string' }, reachable: { type: 'boolean' } }, required: ['kind', 'reachable'] },
    dataVersion: { type: ['string', 'null'], description: 'When the newest successful import finished (ISO 8601).' },
    counts: {
      type: 'object',
      properties: {
        citesTaxonConcepts: { type: 'integer' }, cmsTaxonConcepts: { type: 'integer' },
        listingChanges: { type: 'integer' }, distributions: { type: 'integer' }, geoEntities: { type: 'integer' },
      },
    },
  },
  required: ['status', 'database', 'dataVersion'],
} as const;

export default async function health(app: FastifyInstance) {
  app.get('/health', {
    schema: { tags: ['meta'], summary: 'Is the service up and the database reachable?', response: { 200: healthSchema, 503: healthSchema } },
  }, async (_req, reply) => {
    try {
      const stats = await collectStats(app.database);
      const versions = Object.values(stats.lastImports).filter((r) => r.status === 'succeeded').map((r) => r.finishedAt ?? '');
      return {
        status: 'ok',
        database: { kind: app.database.kind, reachable: true },
        dataVersion: versions.sort().at(-1) || null,
        counts: {
          citesTaxonConcepts: stats.taxonomies.CITES?.taxonConcepts ?? 0,
          cmsTaxonConcepts: stats.taxonomies.CMS?.taxonConcepts ?? 0,
          listingChanges: Object.values(stats.listingChanges).reduce((a, b) => a + b, 0),
          distributions: stats.distributions,
          geoEntities: stats.geoEntities,
        },
      };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: { kind: app.database.kind, reachable: false }, dataVersion: null });
    }
  });
}
