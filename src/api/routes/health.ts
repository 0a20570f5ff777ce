import type { FastifyInstance } from 'fastify';
import { collectStats } from '../../db/stats.js';
import { notReadyReason } from '../readiness.js';

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

const probeSchema = {
  type: 'object',
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
