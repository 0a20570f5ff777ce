// Makes an API token for scripts (Authorization: Bearer ...). The secret is
// returned once; only its hash is stored.
import type { Tx } from '../db/client.js';
import { apiTokens } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../auth/tokens.js';
import { recordAudit } from './auditRecorder.js';
import { invalid } from './errors.js';

export interface ApiTokenProps { actor: Actor; userId: number; name: string; expiresAt?: Date | null }

export async function createApiToken(tx: Tx, props: ApiTokenProps) {
  if (!props.name.trim()) throw invalid('a name saying what the token is for', 'name');
  const secret = newSecret(API_TOKEN_PREFIX);
  const [row] = await tx.insert(apiTokens).values({ userId: props.userId, name: props.name.trim(), tokenHash: hashSecret(secret), expiresAt: props.expiresAt ?? null }).returning();
  await recordAudit(tx, { actor: props.actor, action: 'apiToken.create', resourceType: 'apiToken', resourceId: row.id, before: null, after: { id: row.id, userId: row.userId, name: row.name, expiresAt: row.expiresAt } });
  return { id: row.id, name: row.name, secret };
}
