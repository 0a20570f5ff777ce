// Changes an account's role (and Party for focal points), or disables it; ends its sessions.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { sessions, users } from '../db/schema-programme.js';
import { isRole, type Actor, type Role } from '../auth/principal.js';
import { recordAudit } from './auditRecorder.js';
import { checkFocalPoint } from './userCreator.js';
import { conflict, invalid, notFound } from './errors.js';

export interface UserRoleProps { actor: Actor; userId: number; role: Role; partyIso2?: string | null; conventions?: ('CITES' | 'CMS')[]; disabled?: boolean }

export async function changeUserRole(tx: Tx, props: UserRoleProps) {
  if (!isRole(props.role)) throw invalid(`a role, one of admin, cites_secretariat, cms_secretariat, party_focal_point; got '${props.role}'`, 'role');
  const [before] = await tx.select().from(users).where(eq(users.id, props.userId)).for('update');
  if (!before) throw notFound(`no user ${props.userId}`);
  const partyIso2 = props.role === 'party_focal_point' ? (props.partyIso2 ?? before.partyIso2) : null;
  const conventions = props.role === 'party_focal_point' ? (props.conventions ?? before.conventions as ('CITES' | 'CMS')[]) : [];
  checkFocalPoint(props.role, partyIso2, conventions);
  const disabled = props.disabled ?? before.disabled;
  if (before.role === 'admin' && !before.disabled && (props.role !== 'admin' || disabled)) {
    // Never zero admins: the admins are locked (in id order, so two demotions cannot pass each other) and counted.
    const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.disabled, false))).orderBy(users.id).for('update');
    if (admins.filter((a) => a.id !== before.id).length === 0) throw conflict(`another active admin first: ${before.email} is the last one, and without an admin nobody can manage accounts`);
  }
  const [after] = await tx.update(users)
    .set({ role: props.role, partyIso2: partyIso2?.toUpperCase() ?? null, conventions, disabled, updatedAt: new Date() })
    .where(eq(users.id, props.userId)).returning();
  // A changed role takes effect at once: existing sessions must sign in again.
  await tx.delete(sessions).where(eq(sessions.userId, props.userId));
  await recordAudit(tx, { actor: props.actor, action: 'user.update', resourceType: 'user', resourceId: before.id, before, after });
  return after;
}
