// Adds a progress entry to an activity (and may move the activity's status with it).
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { activities, progressEntries, progressLinks } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { PROGRESS_STATUSES, type ProgressStatus, checkProgressDate } from '../programme/domain.js';
import { recordAudit } from './auditRecorder.js';
import { invalid } from './errors.js';

export interface ProgressLinkInput { kind: 'taxon' | 'meeting' | 'document' | 'funding' | 'activity'; label: string; targetId?: number | null; url?: string | null }
export interface ProgressEntryProps {
  actor: Actor;
  authorName: string;
  activityId: number;
  date: string;
  text: string;
  status: ProgressStatus;
  links?: ProgressLinkInput[];
  /** Also set the activity's status to the entry's (default true). */
  updateActivityStatus?: boolean;
  today?: string;
}

export async function createProgressEntry(tx: Tx, props: ProgressEntryProps) {
  const dateProblem = checkProgressDate(props.date, props.today);
  if (dateProblem) throw invalid(dateProblem, 'date');
  if (!props.text.trim()) throw invalid('a text saying what was done', 'text');
  if (!PROGRESS_STATUSES.includes(props.status)) throw invalid(`a status, one of ${PROGRESS_STATUSES.join(', ')}`, 'status');
  const [entry] = await tx.insert(progressEntries).values({
    activityId: props.activityId, date: props.date, authorId: props.actor.userId, authorName: props.authorName,
    text: props.text.trim(), status: props.status, origin: 'user',
  }).returning();
  const links = (props.links ?? []).map((l) => ({ progressEntryId: entry.id, kind: l.kind, label: l.label, targetId: l.targetId ?? null, url: l.url ?? null }));
  if (links.length) await tx.insert(progressLinks).values(links);
  await recordAudit(tx, { actor: props.actor, action: 'progressEntry.create', resourceType: 'progressEntry', resourceId: entry.id, before: null, after: { ...entry, links } });
  if (props.updateActivityStatus !== false) {
    const [before] = await tx.select().from(activities).where(eq(activities.id, props.activityId));
    if (before && before.status !== props.status) {
      const [after] = await tx.update(activities)
        .set({ status: props.status, version: sql`${activities.version} + 1`, updatedAt: new Date(), updatedBy: props.actor.userId })
        .where(eq(activities.id, props.activityId)).returning();
      await recordAudit(tx, { actor: props.actor, action: 'activity.update', resourceType: 'activity', resourceId: before.id, before: { status: before.status, version: before.version }, after: { status: after.status, version: after.version } });
    }
  }
  return entry;
}
