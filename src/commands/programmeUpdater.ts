// Edits a programme's title, introduction or status under the same optimistic lock as activities.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { programmes } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { PROGRAMME_STATUSES } from '../programme/domain.js';
import { recordAudit } from './auditRecorder.js';
import { conflict, invalid, notFound } from './errors.js';

export interface ProgrammeChanges { title?: string; introduction?: string | null; status?: string }
export interface ProgrammeUpdateProps { actor: Actor; programmeId: number; version: number; changes: ProgrammeChanges }

export async function updateProgramme(tx: Tx, props: ProgrammeUpdateProps) {
  const c = props.changes;
  if (c.title !== undefined && !c.title.trim()) throw invalid('a non-empty title', 'title');
  if (c.status !== undefined && !(PROGRAMME_STATUSES as readonly string[]).includes(c.status)) throw invalid(`a status, one of ${PROGRAMME_STATUSES.join(', ')}`, 'status');
  const [before] = await tx.select().from(programmes).where(eq(programmes.id, props.programmeId)).for('update');
  if (!before) throw notFound(`no programme ${props.programmeId}`);
  const [after] = await tx.update(programmes)
    .set({ ...c, version: sql`${programmes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmes.id, props.programmeId), eq(programmes.version, props.version)))
    .returning();
  if (!after) throw conflict(`Programme ${before.code} was changed by someone else since you opened it (you edited version ${props.version}, it is now version ${before.version}). Reload it and apply your edit again.`);
  const pick = (p: typeof before) => ({ title: p.title, introduction: p.introduction, status: p.status, version: p.version });
  await recordAudit(tx, { actor: props.actor, action: 'programme.update', resourceType: 'programme', resourceId: before.id, before: pick(before), after: pick(after) });
  return after;
}
