// Database reads for authentication: sessions, API tokens, users.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client.js';
import { apiTokens, sessions, users } from '../db/schema-programme.js';
import { hashSecret } from './tokens.js';
import type { Convention, Principal, Role } from './principal.js';

type UserRow = typeof users.$inferSelect;

export function principalOf(u: UserRow, via: Principal['via']): Principal {
  return { userId: u.id, email: u.email, name: u.name, role: u.role as Role, partyIso2: u.partyIso2, conventions: u.conventions as Convention[], via };
}

export async function userByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return u;
}

export type SessionLookup = { principal: Principal } | { expired: true } | null;

export async function sessionPrincipal(db: Queryable, secret: string, now = new Date()): Promise<SessionLookup> {
  const [row] = await db.select({ s: sessions, u: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashSecret(secret)));
  if (!row || row.u.disabled) return null;
  if (row.s.expiresAt <= now) {
    await db.delete(sessions).where(eq(sessions.tokenHash, row.s.tokenHash));
    return { expired: true };
  }
  return { principal: principalOf(row.u, 'session') };
}

/** The one token check: the token's row and user, or null when it is unknown, revoked, expired or its user disabled. */
export async function validToken(db: Queryable, secret: string, now = new Date()) {
  const [row] = await db.select({ t: apiTokens, u: users }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashSecret(secret)), sql`${apiTokens.revokedAt} is null`));
  return !row || row.u.disabled || (row.t.expiresAt && row.t.expiresAt <= now) ? null : row;
}

/** The principal a valid token acts as (its use recorded), else null. */
export async function tokenPrincipal(db: Queryable, secret: string, now = new Date()): Promise<Principal | null> {
  const row = await validToken(db, secret, now);
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  return principalOf(row.u, 'token');
}

export async function listUsers(db: Queryable) {
  return db.select().from(users).orderBy(users.email);
}

export async function userById(db: Queryable, id: number) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** API token columns that may leave the database: never the hash of the secret. */
const tokenColumns = {
  id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt,
};
export type ApiTokenRow = { [K in keyof typeof tokenColumns]: (typeof apiTokens.$inferSelect)[K] };

/** A user's API tokens, newest first, revoked ones included (with when). */
export async function apiTokensOf(db: Queryable, userId: number): Promise<ApiTokenRow[]> {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function apiTokenById(db: Queryable, id: number): Promise<ApiTokenRow | undefined> {
  const [t] = await db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.id, id));
  return t;
}
