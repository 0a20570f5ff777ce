import type { FastifyInstance } from 'fastify';
import { collectStats } from '../../db/stats.js';
import { healthCounts, healthSchema } from '../schemas/health.js';

export default async function health(app: FastifyInstance) {
  app.get('/health', {
    schema: { tags: ['meta'], summary: 'Is the service up and the database reachable?', response: { 200: healthSchema, 503: healthSchema } },
  }, async (_req, reply) => {
    try {
      const stats = await collectStats(app.database);
      const versions = Object.values(stats.lastImports).filter((r) => r.status === 'succeeded').map((r) => r.finishedAt ?? '');
      const dataVersion = versions.sort().at(-1) || null;
      return {
        status: 'ok',
        database: { kind: app.database.kind, reachable: true },
        data_version: dataVersion,
        dataVersion,
        counts: healthCounts({
          cites_taxon_concepts: stats.taxonomies.CITES?.taxonConcepts ?? 0,
          cms_taxon_concepts: stats.taxonomies.CMS?.taxonConcepts ?? 0,
          listing_changes: Object.values(stats.listingChanges).reduce((a, b) => a + b, 0),
          distributions: stats.distributions,
          geo_entities: stats.geoEntities,
        }),
      };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: { kind: app.database.kind, reachable: false }, data_version: null, dataVersion: null });
    }
  });
}
