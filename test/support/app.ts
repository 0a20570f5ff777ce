// Build the HTTP app on a test database; call it with app.inject.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.js';
import type { Database } from '../../src/db/client.js';

export async function testApp(database: Database): Promise<FastifyInstance> {
  const app = await buildApp({ database, logger: false });
  await app.ready();
  return app;
}
