// Edits an activity (text, status, mandates, lead Secretariats) under an
// optimistic lock: the save names the version it read; a stale one is refused.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { activities } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { PROGRESS_STATUSES, type ProgressStatus } from '../programme/domain.js';
import { recordAudit } from './auditRecorder.js';
import { conflict, invalid, notFound } from './errors.js';

export interface ActivityChanges { text?: string; status?: ProgressStatus; mandates?: string[]; leadSecretariats?: ('CITES' | 'CMS')[] }
export interface ActivityUpdateProps { actor: Actor; activityId: number; version: number; changes: ActivityChanges }

export async function updateActivity(tx: Tx, props: ActivityUpdateProps) {
  const c = props.changes;
  if (c.text !== undefined && !c.text.trim()) throw invalid('a non-empty text', 'text');
  if (c.status !== undefined && !PROGRESS_STATUSES.includes(c.status)) throw invalid(`a status, one of ${PROGRESS_STATUSES.join(', ')}`, 'status');
  if (c.leadSecretariats !== undefined && (c.leadSecretariats.length === 0 || c.leadSecretariats.some((s) => s !== 'CITES' && s !== 'CMS'))) throw invalid('one or both of CITES, CMS', 'leadSecretariats');
  const [before] = await tx.select().from(activities).where(eq(activities.id, props.activityId)).for('update');
  if (!before) throw notFound(`no activity ${props.activityId}`);
  const [after] = await tx.update(activities)
    .set({ ...c, ...(c.text ? { text: c.text.trim() } : {}), version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: props.actor.userId })
    .where(and(eq(activities.id, props.activityId), eq(activities.version, props.version)))
    .returning();
  if (!after) {
    throw conflict(`Activity ${before.code} was changed by someone else since you opened it (you edited version ${props.version}, it is now version ${before.version}, saved ${before.updatedAt.toISOString()}). Reload it and apply your edit again.`);
  }
  const pick = (a: typeof before) => ({ text: a.text, status: a.status, mandates: a.mandates, leadSecretariats: a.leadSecretariats, version: a.version });
  await recordAudit(tx, { actor: props.actor, action: 'activity.update', resourceType: 'activity', resourceId: before.id, before: pick(before), after: pick(after) });
  return after;
}
