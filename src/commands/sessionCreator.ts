// Signing in and out: a session row keyed by the hash of the cookie's secret.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { sessions } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { recordAudit } from './auditRecorder.js';

export const SESSION_HOURS = 8;

export async function createSession(tx: Tx, props: { actor: Actor; userId: number; hours?: number }) {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + (props.hours ?? SESSION_HOURS) * 3600_000);
  await tx.insert(sessions).values({ tokenHash: hashSecret(secret), userId: props.userId, expiresAt });
  await recordAudit(tx, { actor: props.actor, action: 'session.create', resourceType: 'user', resourceId: props.userId, before: null, after: { expiresAt } });
  return { secret, expiresAt };
}

export async function endSession(tx: Tx, props: { actor: Actor; secret: string }) {
  const deleted = await tx.delete(sessions).where(eq(sessions.tokenHash, hashSecret(props.secret))).returning({ userId: sessions.userId });
  if (deleted.length) await recordAudit(tx, { actor: props.actor, action: 'session.delete', resourceType: 'user', resourceId: deleted[0].userId, before: null, after: null });
}
