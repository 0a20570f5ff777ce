// The transaction a write runs in, opened at the API edge: the command and its
// audit event commit together or not at all. Command errors pass through to the
// error handler (problems.ts), which maps them to 400/404/409.
import type { FastifyInstance } from 'fastify';
import type { Tx } from '../db/client.js';

export function inTransaction<T>(app: FastifyInstance, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return app.database.db.transaction(fn);
}
