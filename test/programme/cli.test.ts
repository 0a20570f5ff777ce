// `concord user add|role|token|tokens|revoke-token` and `concord report implementation` on a PGlite
// folder, and the cms-parties importer (bad rows rejected with line and field).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { openDatabase } from '../../src/db/client.js';
import { runImport } from '../../src/ingest/run.js';
import { importerFor } from '../../src/ingest/registry.js';
import { verifyPassword } from '../../src/auth/passwords.js';
import { tokenPrincipal } from '../../src/auth/repository.js';
import { dataPath, tempDir } from '../support/data.js';
import { describeEachDatabase } from '../support/databases.js';
import { seedDocument } from './support.js';

async function concord(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out += String(chunk); return true; });
  try {
    await (await buildProgram()).exitOverride().parseAsync(['node', 'concord', ...args]);
  } finally { spy.mockRestore(); }
  return out;
}

describe('concord user and report commands', () => {
  const env = { ...process.env };
  const dir = tempDir('concord-cli-');
  beforeAll(() => { process.env.CONCORD_DATA_DIR = path.join(dir, 'db'); delete process.env.DATABASE_URL; });
  afterAll(() => { process.env = env; process.exitCode = 0; });

  it('bootstraps the first admin, changes a role, makes, lists and revokes a token, writes the report', async () => {
    process.env.CONCORD_PASSWORD = 'first admin password';
    expect(await concord('user', 'add', 'Admin@Example.org', '--role', 'admin')).toMatch(/^created admin@example\.org \(admin, id 1\)/);
    expect(await concord('user', 'add', 'focal@example.org', '--role', 'cites_secretariat')).toMatch(/created focal@example\.org/);
    expect(await concord('user', 'role', 'focal@example.org', 'party_focal_point', '--party', 'IN', '--conventions', 'CITES,CMS')).toBe('focal@example.org: party_focal_point\n');
    const token = (await concord('user', 'token', 'admin@example.org', '--name', 'nightly script')).trim();
    expect(token).toMatch(/^cct_[A-Za-z0-9_-]{43}$/);
    const db = await openDatabase({ dataDir: process.env.CONCORD_DATA_DIR });
    try {
      const [u] = await db.query<{ password_hash: string; role: string }>(`select password_hash, role from users where email = 'admin@example.org'`);
      expect(await verifyPassword('first admin password', u.password_hash)).toBe(true);
      const audit = await db.query<{ actor: string; action: string }>(`select actor, action from audit_events order by id`);
      expect(audit.map((a) => a.action)).toEqual(['user.create', 'user.create', 'user.update', 'apiToken.create']);
      expect(audit[0].actor).toMatch(/^cli:/);
      expect(await tokenPrincipal(db.db, token)).toMatchObject({ email: 'admin@example.org' });
    } finally { await db.close(); }
    // List (never the secret), revoke by id: the token is refused at once, and the revocation is audited.
    const listed = await concord('user', 'tokens', 'admin@example.org');
    expect(listed).toMatch(/^ {3}1 nightly script {11}created \d{4}-\d\d-\d\d {2}last used \d{4}-\d\d-\d\d {2}expires -\n$/);
    expect(listed).not.toContain(token);
    expect(await concord('user', 'revoke-token', '1')).toMatch(/^ {3}1 nightly script .* revoked \d{4}-\d\d-\d\d\n$/);
    await concord('user', 'revoke-token', '99');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    const db2 = await openDatabase({ dataDir: process.env.CONCORD_DATA_DIR });
    try {
      expect(await tokenPrincipal(db2.db, token)).toBeNull();
      const [revoke] = await db2.query<{ actor: string; resource_id: string }>(`select actor, resource_id from audit_events where action = 'apiToken.revoke'`);
      expect(revoke).toMatchObject({ resource_id: '1' });
      expect(revoke.actor).toMatch(/^cli:/);
      await runImport(db2, await importerFor('work-programme'), seedDocument, { progress: false });
    } finally { await db2.close(); }
    await concord('user', 'add', 'bad', '--role', 'admin');
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    const out = path.join(dir, 'report.docx');
    expect(await concord('report', 'implementation', '--programme', '2021-2025', '--format', 'docx', '--out', out)).toMatch(/37 activities/);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(await concord('report', 'implementation', '--programme', '2021-2025', '--format', 'csv')).toMatch(/^theme,theme_title,activity/);
  });
});

describeEachDatabase('cms-parties importer', (get) => {
  it('imports entry-into-force dates and rejects unknown codes and bad dates with their line', async () => {
    await runImport(get(), await importerFor('country-codes'), dataPath('country-codes', 'country-codes.csv'), { progress: false });
    const file = path.join(tempDir(), 'cms-parties.csv');
    // India: CMS Party since the Convention entered into force, 1 November 1983.
    fs.writeFileSync(file, 'iso2,entry_into_force\nIN,1983-11-01\nXX,1990-01-01\nIN,1983-11-01\nFR,1990-13-01\n');
    const s = await runImport(get(), await importerFor('cms-parties'), file, { progress: false });
    expect(s).toMatchObject({ status: 'succeeded', accepted: 1, rejected: 3 });
    expect(s.rejects.map((r) => `${r.line} ${r.field}`)).toEqual(['3 iso2', '4 iso2', '5 entry_into_force']);
    const [m] = await get().query<{ d: string }>(`select entry_into_force::text d from party_memberships p join geo_entities g on g.id = p.geo_entity_id where g.iso2 = 'IN' and p.convention = 'CMS'`);
    expect(m.d).toBe('1983-11-01');
    const again = await runImport(get(), await importerFor('cms-parties'), file, { progress: false });
    expect(again).toMatchObject({ accepted: 0, unchanged: 1 });
  });
});
