// `concord user add|role|token|tokens|revoke-token|list`: accounts from the command line, e.g. to
// bootstrap the first admin. Passwords come from CONCORD_PASSWORD or stdin, or
// a random one is made and printed once.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { Database } from '../../db/client.js';
import { createUser } from '../../commands/userCreator.js';
import { changeUserRole } from '../../commands/userRoleChanger.js';
import { createApiToken } from '../../commands/apiTokenCreator.js';
import { revokeApiToken } from '../../commands/apiTokenRevoker.js';
import { CommandError } from '../../commands/errors.js';
import { apiTokensOf, listUsers, userByEmail, type ApiTokenRow } from '../../auth/repository.js';
import type { Actor, Role } from '../../auth/principal.js';
import { withDatabase, print, fail } from '../shared.js';
import { loadConfig } from '../../config.js';

const cliActor = (): Actor => ({ userId: null, label: `cli:${os.userInfo().username}` });

async function readPassword(): Promise<{ password: string; generated: boolean }> {
  const given = loadConfig().password;
  if (given) return { password: given, generated: false };
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    const line = text.split(/\r?\n/)[0];
    if (line) return { password: line, generated: false };
  }
  return { password: randomBytes(12).toString('base64url'), generated: true };
}

/** Run a user command; command errors become one line on stderr and exit code 1. */
async function run(fn: (db: Database) => Promise<void>) {
  try {
    await withDatabase(fn);
  } catch (e) {
    if (e instanceof CommandError) return fail(`${e.field ? `${e.field}: expected ` : ''}${e.message}`);
    throw e;
  }
}

interface RoleOpts { party?: string; conventions?: string }
const focal = (o: RoleOpts) => ({ partyIso2: o.party ?? null, conventions: (o.conventions?.split(',').map((s) => s.trim().toUpperCase()) ?? []) as ('CITES' | 'CMS')[] });

export function register(program: Command): void {
  const user = program.command('user').description('Accounts: add, change role, make, list and revoke API tokens, list');

  user.command('add')
    .description('Create an account (password from CONCORD_PASSWORD or stdin; else a random one is printed once)')
    .argument('<email>')
    .requiredOption('--role <role>', 'admin | cites_secretariat | cms_secretariat | party_focal_point')
    .option('--name <name>', 'display name')
    .option('--party <iso2>', 'the Party of a focal point')
    .option('--conventions <list>', 'focal point conventions: CITES,CMS')
    .action(async (email: string, o: RoleOpts & { role: Role; name?: string }) => {
      const { password, generated } = await readPassword();
      await run(async (db) => {
        const u = await db.db.transaction((tx) => createUser(tx, { actor: cliActor(), email, name: o.name ?? email.split('@')[0], password, role: o.role, ...focal(o) }));
        print(`created ${u.email} (${u.role}, id ${u.id})`);
        if (generated) print(`password: ${password}\n(shown once; change it by re-creating the account or through an admin)`);
      });
    });

  user.command('role')
    .description("Change an account's role (ends its sessions)")
    .argument('<email>')
    .argument('<role>', 'admin | cites_secretariat | cms_secretariat | party_focal_point')
    .option('--party <iso2>', 'the Party of a focal point')
    .option('--conventions <list>', 'focal point conventions: CITES,CMS')
    .option('--disable', 'disable the account')
    .action(async (email: string, role: Role, o: RoleOpts & { disable?: boolean }) => run(async (db) => {
      const u = await userByEmail(db.db, email);
      if (!u) return fail(`no account ${email}`);
      const after = await db.db.transaction((tx) => changeUserRole(tx, { actor: cliActor(), userId: u.id, role, ...(o.party ? focal(o) : {}), disabled: o.disable ?? undefined }));
      print(`${after.email}: ${after.role}${after.disabled ? ' (disabled)' : ''}`);
    }));

  user.command('token')
    .description('Make an API token for scripts (Authorization: Bearer <token>); printed once')
    .argument('<email>')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'expires after n days')
    .action(async (email: string, o: { name: string; days?: string }) => run(async (db) => {
      const u = await userByEmail(db.db, email);
      if (!u) return fail(`no account ${email}`);
      const expiresAt = o.days ? new Date(Date.now() + Number(o.days) * 86400_000) : null;
      const t = await db.db.transaction((tx) => createApiToken(tx, { actor: cliActor(), userId: u.id, name: o.name, expiresAt }));
      print(t.secret);
    }));

  user.command('tokens')
    .description("List an account's API tokens (never the secrets): id, name, created, last used, expiry, revoked")
    .argument('<email>')
    .action(async (email: string) => run(async (db) => {
      const u = await userByEmail(db.db, email);
      if (!u) return fail(`no account ${email}`);
      for (const t of await apiTokensOf(db.db, u.id)) print(tokenLine(t));
    }));

  user.command('revoke-token')
    .description('Revoke an API token by id (see `user tokens`): refused from the next request on')
    .argument('<id>')
    .action(async (id: string) => run(async (db) => {
      if (!/^\d{1,9}$/.test(id)) return fail(`id: expected a token id (a whole number), got '${id}'`);
      const t = await db.db.transaction((tx) => revokeApiToken(tx, { actor: cliActor(), tokenId: Number(id) }));
      print(tokenLine(t));
    }));

  user.command('list').description('List accounts').action(async () => run(async (db) => {
    for (const u of await listUsers(db.db)) print(`${String(u.id).padStart(4)} ${u.email.padEnd(32)} ${u.role}${u.partyIso2 ? ` ${u.partyIso2} ${u.conventions.join('+')}` : ''}${u.disabled ? ' disabled' : ''}`);
  }));
}

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '-';

/** `  12 nightly script  created 2026-01-02  last used 2026-03-04  expires -  revoked 2026-03-05` */
function tokenLine(t: ApiTokenRow): string {
  return `${String(t.id).padStart(4)} ${t.name.padEnd(24)} created ${day(t.createdAt)}  last used ${day(t.lastUsedAt)}  expires ${day(t.expiresAt)}${t.revokedAt ? `  revoked ${day(t.revokedAt)}` : ''}`;
}
