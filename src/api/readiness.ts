// What a server knows of its own state beyond the database: a first seed in
// progress (or failed) and a shutdown under way. `concord serve` sets it; the
// health routes and the seeding gate read it.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client.js';
import { migrationsFolder } from '../db/client.js';

export interface Readiness {
  seeding: { active: boolean; done: number; total: number; step: string | null; failed: string | null };
  /** SIGTERM received: finishing the requests in flight, taking no new ones. */
  draining: boolean;
}

export function newReadiness(): Readiness {
  return { seeding: { active: false, done: 0, total: 0, step: null, failed: null }, draining: false };
}

let shipped: number | null = null;
/** When the newest migration this build ships was made (the drizzle journal beside the SQL files). */
function newestShipped(): number {
  shipped ??= Math.max(...(JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }).entries.map((e) => e.when));
  return shipped;
}

/** When the newest migration applied to the database was made (drizzle's ledger; 0 when there is none yet). */
async function newestApplied(database: Database): Promise<number> {
  try {
    const [r] = await database.query<{ n: string | null }>('select max(created_at) n from drizzle.__drizzle_migrations');
    return Number(r?.n ?? 0);
  } catch (e) {
    if ((e as { code?: string }).code === '42P01' || (e as { code?: string }).code === '3F000') return 0; // no ledger: never migrated
    throw e;
  }
}

/** Why this server should not take traffic yet (or any more), or null when it is ready. */
export async function notReadyReason(database: Database, state: Readiness): Promise<string | null> {
  if (state.draining) return 'shutting down';
  if (state.seeding.failed) return `seed failed: ${state.seeding.failed}`;
  if (state.seeding.active) return `seeding: step ${state.seeding.done} of ${state.seeding.total}`;
  // Drizzle applies in order, so the newest applied says it all. A newer one (another server's
  // expand step, docs/operations.md) leaves this server ready: expansions keep the old code working.
  if (await newestApplied(database) < newestShipped()) return 'migrations not applied yet';
  return null;
}
