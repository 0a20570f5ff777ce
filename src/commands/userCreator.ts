// Creates an account with a scrypt-hashed password and a role.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { users } from '../db/schema-programme.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { isRole, type Actor, type Role } from '../auth/principal.js';
import { recordAudit } from './auditRecorder.js';
import { conflict, invalid } from './errors.js';

export interface UserProps { actor: Actor; email: string; name: string; password: string; role: Role; partyIso2?: string | null; conventions?: ('CITES' | 'CMS')[] }

export async function createUser(tx: Tx, props: UserProps) {
  const email = props.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid(`an e-mail address, got '${props.email}'`, 'email');
  if (!isRole(props.role)) throw invalid(`a role, one of admin, cites_secretariat, cms_secretariat, party_focal_point; got '${props.role}'`, 'role');
  const pw = passwordProblem(props.password);
  if (pw) throw invalid(`a password of ${pw}`, 'password');
  checkFocalPoint(props.role, props.partyIso2 ?? null, props.conventions ?? []);
  const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
  if (taken) throw conflict(`an account for ${email} exists already`);
  const [user] = await tx.insert(users).values({
    email, name: props.name.trim() || email, passwordHash: await hashPassword(props.password), role: props.role,
    partyIso2: props.partyIso2?.toUpperCase() ?? null, conventions: props.conventions ?? [],
  }).returning();
  await recordAudit(tx, { actor: props.actor, action: 'user.create', resourceType: 'user', resourceId: user.id, before: null, after: user });
  return user;
}

/** A Party focal point speaks for one Party in one or both conventions. */
export function checkFocalPoint(role: Role, partyIso2: string | null, conventions: string[]) {
  if (role !== 'party_focal_point') return;
  if (!partyIso2 || !/^[A-Za-z]{2}$/.test(partyIso2)) throw invalid('the Party (ISO 3166 alpha-2 code) a focal point speaks for', 'partyIso2');
  if (conventions.length === 0 || conventions.some((c) => c !== 'CITES' && c !== 'CMS')) throw invalid('the convention(s) of the focal point: CITES, CMS or both', 'conventions');
}
