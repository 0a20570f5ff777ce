// Revokes an API token: it is refused (401) from the next request on, since
// every bearer request looks the token up. The row stays, with revoked_at, so
// the token list and the audit log still say what it was.
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { apiTokens } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { apiTokenById } from '../auth/repository.js';
import { recordAudit } from './auditRecorder.js';
import { notFound } from './errors.js';

export interface ApiTokenRevokeProps { actor: Actor; tokenId: number }

/** Revoking twice is not an error: the second call changes nothing and records nothing. */
export async function revokeApiToken(tx: Tx, props: ApiTokenRevokeProps) {
  const before = await apiTokenById(tx, props.tokenId);
  if (!before) throw notFound(`no API token ${props.tokenId}`);
  const [revoked] = await tx.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, props.tokenId), isNull(apiTokens.revokedAt))).returning({ revokedAt: apiTokens.revokedAt });
  if (!revoked) return before;
  const after = { ...before, revokedAt: revoked.revokedAt };
  await recordAudit(tx, { actor: props.actor, action: 'apiToken.revoke', resourceType: 'apiToken', resourceId: before.id, before, after });
  return after;
}
