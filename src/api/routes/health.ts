import type { FastifyInstance } from 'fastify';
import { collectStats } from '../../db/stats.js';
import { healthCounts, healthSchema } from '../schemas/health.js';
import { notReadyReason } from '../readiness.js';

const probeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['live', 'ready', 'not ready'] },
    reason: { type: 'string', description: 'Why the server takes no traffic: the database unreachable, migrations not applied, seeding, shutting down' },
  },
  required: ['status'],
} as const;

export default async function health(app: FastifyInstance) {
  // For a process supervisor: the process is up and its event loop turns. Never touches the database.
  app.get('/health/live', {
    schema: { tags: ['meta'], summary: 'Is the process up? (liveness: restart it when this fails)', response: { 200: probeSchema } },
  }, async () => ({ status: 'live' }));

  // For a load balancer: send traffic here? The database answers, this build's migrations are in, no seed or shutdown under way.
  app.get('/health/ready', {
    schema: { tags: ['meta'], summary: 'Should this server take traffic? (readiness: 503 while the database is unreachable, migrations are missing, a first seed runs or it shuts down)', response: { 200: probeSchema, 503: probeSchema } },
  }, async (_req, reply) => {
    let reason: string | null;
    try {
      reason = await notReadyReason(app.database, app.readiness);
    } catch {
      reason = 'database unreachable';
    }
    if (reason) return reply.status(503).header('Retry-After', '5').send({ status: 'not ready', reason });
    return { status: 'ready' };
  });

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
