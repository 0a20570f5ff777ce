// The tracker's HTTP API on both databases: sign-in, CSRF, sessions, tokens,
// editing with optimistic locking, bad input, the audit log, curation, CMS Parties,
// listing and revoking API tokens.
import { beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from '../support/databases.js';
import { signInLimits } from '../../src/auth/limiter.js';
import { Client, makeUser, programmeApp, PASSWORD } from './support.js';
import { loadFixtures } from './fixtures.js';
import { realign } from '../../src/alignment/store.js';
import { createApiToken } from '../../src/commands/apiTokenCreator.js';

const A = '/api/v1/programmes/2021-2025/activities';

describeEachDatabase('programme API', (get) => {
  let app: FastifyInstance;
  let fx: Awaited<ReturnType<typeof loadFixtures>>;
  beforeAll(async () => {
    fx = await loadFixtures(get());
    await makeUser(get(), 'admin@example.org', 'admin');
    await makeUser(get(), 'cites@example.org', 'cites_secretariat');
    await makeUser(get(), 'cms@example.org', 'cms_secretariat');
    await makeUser(get(), 'cms2@example.org', 'cms_secretariat');
    await makeUser(get(), 'focal@example.org', 'party_focal_point', { partyIso2: 'IN', conventions: ['CITES', 'CMS'] });
    app = await programmeApp(get());
  });
  const count = async (sql: string) => Number((await get().query<{ n: number }>(sql))[0].n);
  const signedIn = async (email: string) => { const c = new Client(app); expect((await c.signIn(email)).statusCode).toBe(200); return c; };

  it('a Secretariat user signs in, adds a progress entry; it shows on the activity and in the report, and is audited', async () => {
    const c = await signedIn('cms@example.org');
    const me = (await c.request('GET', '/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ email: 'cms@example.org', role: 'cms_secretariat' });
    const res = await c.request('POST', `${A}/B5/progress`, { date: '2021-06-30', text: 'Trade review of African-Eurasian vultures under way with the Vulture MsAP working group.', status: 'ongoing', links: [{ kind: 'document', label: 'UNEP/CMS/StC52/Doc.14' }] });
    expect(res.statusCode).toBe(201);
    const page = (await c.request('GET', `${A}/B5`)).json();
    expect(page.activity.status).toBe('ongoing');
    expect(page.progress[0]).toMatchObject({ date: '2021-06-30', author_name: 'cms', status: 'ongoing', links: [{ kind: 'document', label: 'UNEP/CMS/StC52/Doc.14' }] });
    expect(page.can).toEqual({ update: true, add_progress: true });
    expect(page.species_groups).toEqual([{ slug: 'african-eurasian-vultures', name: 'African-Eurasian vultures' }]);
    const csv = (await c.request('GET', '/api/v1/programmes/2021-2025/report?format=csv')).body;
    expect(csv).toMatch(/B5,African-Eurasian vultures,.*,ongoing,.*2021-06-30,ongoing,cms,Trade review of African-Eurasian vultures/);
    const docx = await c.request('GET', '/api/v1/programmes/2021-2025/report?format=docx');
    expect(docx.headers['content-disposition']).toBe('attachment; filename="implementation-2021-2025.docx"');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const [audit] = await get().query<{ actor: string; action: string; after: { text: string } }>(`select actor, action, after from audit_events where action = 'progressEntry.create' order by id desc limit 1`);
    expect(audit).toMatchObject({ actor: 'cms@example.org', action: 'progressEntry.create' });
    expect(audit.after.text).toMatch(/^Trade review/);
  });

  it('the public reads without edit controls and gets 403 on every write', async () => {
    const pub = new Client(app);
    const page = (await pub.request('GET', `${A}/B5`)).json();
    expect(page.can).toEqual({ update: false, add_progress: false });
    expect((await pub.request('GET', '/api/v1/auth/me')).json()).toMatchObject({ user: null, abilities: [] });
    const before = await count('select count(*) n from progress_entries');
    const r = await pub.request('POST', `${A}/B5/progress`, { date: '2021-01-01', text: 'x', status: 'ongoing' });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toMatch(/Sign in/);
    expect(await count('select count(*) n from progress_entries')).toBe(before);
  });

  it('wrong password: one generic message, then rate-limited', async () => {
    const c = new Client(app);
    const unknown = await c.signIn('nobody@example.org', 'whatever-password');
    const wrong = await c.signIn('cites@example.org', 'not the password');
    expect([unknown.statusCode, wrong.statusCode]).toEqual([401, 401]);
    expect(unknown.json().detail).toBe('E-mail or password is wrong.');
    expect(wrong.json().detail).toBe(unknown.json().detail);
    for (let i = 0; i < 4; i++) await c.signIn('cites@example.org', 'not the password');
    const limited = await c.signIn('cites@example.org', PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const limits = signInLimits(get());
    await limits.ipEmail.succeed(`127.0.0.1 cites@example.org`);
    await limits.account.succeed('cites@example.org');
    await limits.ip.succeed('127.0.0.1');
    expect((await c.signIn('cites@example.org')).statusCode).toBe(200);
  });

  it('password spraying: one password over many accounts from one IP is slowed after 20 failures; ten failures lock an account from anywhere', async () => {
    const c = new Client(app);
    for (let i = 0; i < 20; i++) expect((await c.signIn(`officer${i}@example.org`, 'Summer2024!')).statusCode).toBe(401);
    const sprayed = await c.signIn('officer99@example.org', 'Summer2024!');
    expect(sprayed.statusCode).toBe(429);
    expect(Number(sprayed.headers['retry-after'])).toBeGreaterThan(0);
    const limits = signInLimits(get());
    await limits.ip.succeed('127.0.0.1');
    for (let i = 0; i < 10; i++) await limits.account.fail('cms2@example.org'); // ten failures from other addresses
    expect((await c.signIn('cms2@example.org')).statusCode).toBe(429); // locked, even with the right password
    await limits.account.succeed('cms2@example.org');
    expect((await c.signIn('cms2@example.org')).statusCode).toBe(200);
  });

  it('a cookie-authenticated write without the CSRF token is refused and saves nothing; a bearer token needs none', async () => {
    const c = await signedIn('cites@example.org');
    const before = await count('select count(*) n from progress_entries');
    const r = await c.request('POST', `${A}/A2/progress`, { date: '2021-05-01', text: 'No token', status: 'ongoing' }, { csrf: false });
    expect(r.statusCode).toBe(403);
    expect(r.json().detail).toMatch(/CSRF token/);
    const noCsrfSignIn = await new Client(app).request('POST', '/api/v1/auth/sign-in', { email: 'cites@example.org', password: PASSWORD });
    expect(noCsrfSignIn.statusCode).toBe(403);
    expect(await count('select count(*) n from progress_entries')).toBe(before);
    const tok = await c.request('POST', '/api/v1/auth/tokens', { name: 'script' });
    expect(tok.statusCode).toBe(201);
    const script = await app.inject({ method: 'POST', url: `${A}/A2/progress`, headers: { authorization: `Bearer ${tok.json().token}` }, payload: { date: '2021-05-02', text: 'Nomenclature exchange on birds.', status: 'ongoing' } });
    expect(script.statusCode).toBe(201);
    const bad = await app.inject({ method: 'GET', url: `${A}/A2`, headers: { authorization: 'Bearer cct_forged' } });
    expect(bad.statusCode).toBe(401);
  });

  it('API tokens: list mine (never the secret), revoke one (CSRF, audited) and it is refused at once; not someone else\'s, unless admin', async () => {
    const cms = await signedIn('cms@example.org');
    const made = (await cms.request('POST', '/api/v1/auth/tokens', { name: 'nightly sync' })).json();
    const bearer = { authorization: `Bearer ${made.token}` };
    expect((await app.inject({ method: 'GET', url: `${A}/B5`, headers: bearer })).statusCode).toBe(200);
    const mine = (await cms.request('GET', '/api/v1/auth/tokens')).json().tokens;
    expect(mine[0]).toMatchObject({ id: made.id, name: 'nightly sync', revoked_at: null });
    expect(mine[0].last_used_at).not.toBeNull();
    expect(JSON.stringify(mine)).not.toMatch(/cct_|[0-9a-f]{64}/);
    const other = await signedIn('cms2@example.org');
    expect((await other.request('GET', '/api/v1/auth/tokens')).json().tokens.map((t: { id: number }) => t.id)).not.toContain(made.id);
    expect((await other.request('GET', `/api/v1/auth/tokens?user_id=${mine[0].user_id}`)).statusCode).toBe(403);
    expect((await other.request('DELETE', `/api/v1/auth/tokens/${made.id}`)).statusCode).toBe(403);
    expect((await cms.request('DELETE', `/api/v1/auth/tokens/${made.id}`, undefined, { csrf: false })).statusCode).toBe(403);
    expect((await cms.request('DELETE', '/api/v1/auth/tokens/2147483647')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${A}/B5`, headers: bearer })).statusCode).toBe(200); // none of that revoked it
    const revoked = await cms.request('DELETE', `/api/v1/auth/tokens/${made.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();
    const refused = await app.inject({ method: 'GET', url: `${A}/B5`, headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().detail).toMatch(/revoked/);
    expect((await cms.request('DELETE', `/api/v1/auth/tokens/${made.id}`)).json().revoked_at).toBe(revoked.json().revoked_at); // twice: no change
    expect(await count(`select count(*) n from audit_events where action = 'apiToken.revoke' and resource_id = '${made.id}' and actor = 'cms@example.org'`)).toBe(1);
    // A script revokes its own token with it (no CSRF for bearer tokens); an admin revokes anyone's.
    const script = (await other.request('POST', '/api/v1/auth/tokens', { name: 'one-off' })).json();
    const self = await app.inject({ method: 'DELETE', url: `/api/v1/auth/tokens/${script.id}`, headers: { authorization: `Bearer ${script.token}` } });
    expect(self.statusCode).toBe(200);
    const leaked = (await other.request('POST', '/api/v1/auth/tokens', { name: 'leaked' })).json();
    const admin = await signedIn('admin@example.org');
    expect((await admin.request('GET', `/api/v1/auth/tokens?user_id=${self.json().user_id}`)).json().tokens.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['one-off', 'leaked']));
    expect((await admin.request('DELETE', `/api/v1/auth/tokens/${leaked.id}`)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `${A}/B5`, headers: { authorization: `Bearer ${leaked.token}` } })).statusCode).toBe(401);
    expect((await new Client(app).request('GET', '/api/v1/auth/tokens')).statusCode).toBe(403);
  });

  it("a CSRF token is bound to its session: another session's token with a tossed-in CSRF cookie is refused", async () => {
    const victim = await signedIn('cites@example.org');
    const attacker = await signedIn('cms@example.org');
    const attackerCsrfCookie = attacker.cookies.get('concord_csrf')!;
    const tossed = new Client(app);
    tossed.cookies.set('concord_session', victim.cookies.get('concord_session')!);
    tossed.cookies.set('concord_csrf', attackerCsrfCookie);
    tossed.csrf = attacker.csrf;
    const res = await tossed.request('POST', `${A}/B5/progress`, { date: '2021-07-01', text: 'Forged.', status: 'ongoing' });
    expect(res.statusCode).toBe(403);
    expect(await count(`select count(*) n from progress_entries where text = 'Forged.'`)).toBe(0);
    // An anonymous token (made before any sign-in) does not serve a session either.
    const anon = new Client(app);
    await anon.fetchCsrf();
    tossed.cookies.set('concord_csrf', anon.cookies.get('concord_csrf')!);
    tossed.csrf = anon.csrf;
    expect((await tossed.request('POST', `${A}/B5/progress`, { date: '2021-07-01', text: 'Forged.', status: 'ongoing' })).statusCode).toBe(403);
    // The victim's own token works.
    expect((await victim.request('GET', '/api/v1/auth/me')).json().user.email).toBe('cites@example.org');
  });

  it('an HTML form post (urlencoded) carries the CSRF token as a _csrf field', async () => {
    const c = new Client(app);
    const token = await c.fetchCsrf();
    const form = (extra: string) => app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { cookie: c.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=cms%40example.org&password=${encodeURIComponent(PASSWORD)}${extra}` });
    expect((await form('')).statusCode).toBe(403);
    expect((await form('&_csrf=forged')).statusCode).toBe(403);
    const ok = await form(`&_csrf=${encodeURIComponent(token)}`);
    expect(ok.statusCode).toBe(200);
    const session = (ok.cookies as { name: string; httpOnly?: boolean; secure?: boolean; sameSite?: string }[]).find((k) => k.name === 'concord_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict' });
  });

  it('an expired session gets a clear 401 and saves nothing', async () => {
    const c = await signedIn('cites@example.org');
    await get().query(`update sessions set expires_at = now() - interval '1 minute' where user_id = (select id from users where email = 'cites@example.org')`);
    const r = await c.request('POST', `${A}/A3/progress`, { date: '2021-05-01', text: 'Late', status: 'ongoing' });
    expect(r.statusCode).toBe(401);
    expect(r.json().detail).toMatch(/session has expired/);
    expect(await count(`select count(*) n from progress_entries e join activities a on a.id = e.activity_id where a.code = 'A3'`)).toBe(0);
    expect((await c.request('GET', '/api/v1/auth/me')).json().user).toBeNull();
    expect((await c.request('POST', '/api/v1/auth/sign-out')).statusCode).toBe(204); // signing out of an expired session just works
  });

  it('bad progress entries: unknown activity code, date in the future, bad date → clear errors, nothing saved', async () => {
    const c = await signedIn('cites@example.org');
    const before = await count('select count(*) n from progress_entries');
    const unknown = await c.request('POST', `${A}/B99/progress`, { date: '2021-05-01', text: 'x', status: 'ongoing' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('No activity B99 in programme 2021-2025; nothing was saved.');
    const garbage = await c.request('POST', `${A}/zz!/progress`, { date: '2021-05-01', text: 'x', status: 'ongoing' });
    expect(garbage.statusCode).toBe(400);
    const future = await c.request('POST', `${A}/B1/progress`, { date: '2999-01-01', text: 'x', status: 'ongoing' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ parameter: 'date' });
    expect(future.json().detail).toMatch(/not in the future .*2999-01-01/);
    const feb30 = await c.request('POST', `${A}/B1/progress`, { date: '2021-02-30', text: 'x', status: 'ongoing' });
    expect(feb30.json().detail).toMatch(/real calendar date/);
    const status = await c.request('POST', `${A}/B1/progress`, { date: '2021-02-01', text: 'x', status: 'done' });
    expect(status.statusCode).toBe(400);
    expect(await count('select count(*) n from progress_entries')).toBe(before);
  });

  it('two Secretariat users edit the same activity: the second save is refused with a message, nothing lost', async () => {
    const one = await signedIn('cms@example.org');
    const two = await signedIn('cms2@example.org');
    const v = (await one.request('GET', `${A}/C3`)).json().activity.version;
    expect((await two.request('GET', `${A}/C3`)).json().activity.version).toBe(v);
    const first = await one.request('PATCH', `${A}/C3`, { version: v, text: 'Provide comments to the other Secretariat, as requested, on proposals to list species of common concern (edited by one).' });
    expect(first.statusCode).toBe(200);
    const second = await two.request('PATCH', `${A}/C3`, { version: v, status: 'ongoing' });
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toMatch(/changed by someone else .* Reload/);
    const now = (await one.request('GET', `${A}/C3`)).json().activity;
    expect(now).toMatchObject({ version: v + 1, status: 'planned' });
    expect(now.text).toMatch(/edited by one/);
  });

  it('lead Secretariat: an activity led by CMS alone cannot be edited by the CITES Secretariat', async () => {
    const cms = await signedIn('cms@example.org');
    const v = (await cms.request('GET', `${A}/B20`)).json().activity.version;
    expect((await cms.request('PATCH', `${A}/B20`, { version: v, lead_secretariats: ['CMS'] })).statusCode).toBe(200);
    const cites = await signedIn('cites@example.org');
    const page = (await cites.request('GET', `${A}/B20`)).json();
    expect(page.can).toEqual({ update: false, add_progress: false });
    expect((await cites.request('PATCH', `${A}/B20`, { version: v + 1, status: 'ongoing' })).statusCode).toBe(403);
  });

  it('every write route × every role: allowed or 403; the public is refused everything', async () => {
    const users = await get().query<{ id: number; email: string }>(`select id, email from users order by id`);
    const focal = users.find((u) => u.email === 'focal@example.org')!;
    const cms2 = users.find((u) => u.email === 'cms2@example.org')!;
    const othersToken = (await get().db.transaction((tx) => createApiToken(tx, { actor: { userId: null, label: 'test' }, userId: cms2.id, name: 'cms2 script' }))).id;
    const version = async (url: string, key: 'activity' | 'programme') => {
      const body = (await new Client(app).request('GET', url)).json();
      return key === 'activity' ? body.activity.version : body.programme.version;
    };
    let n = 0;
    const routes: { name: string; allowed: string[]; call: (c: Client) => Promise<{ statusCode: number }> }[] = [
      { name: 'PATCH programme', allowed: ['admin', 'cites', 'cms'], call: async (c) => c.request('PATCH', '/api/v1/programmes/2021-2025', { version: await version('/api/v1/programmes/2021-2025', 'programme'), status: 'active' }) },
      { name: 'PATCH activity', allowed: ['admin', 'cites', 'cms'], call: async (c) => c.request('PATCH', `${A}/E1`, { version: await version(`${A}/E1`, 'activity'), status: 'ongoing' }) },
      { name: 'POST progress', allowed: ['admin', 'cites', 'cms'], call: (c) => c.request('POST', `${A}/E2/progress`, { date: '2022-01-01', text: 'Matrix', status: 'ongoing' }) },
      { name: 'POST funding', allowed: ['admin', 'cites', 'cms'], call: (c) => c.request('POST', '/api/v1/programmes/2021-2025/funding', { activity_code: 'D4', amount: 1, currency: 'USD', donor: 'Matrix test', purpose: 'Matrix test', year: 2022 }) },
      { name: 'POST curation', allowed: ['admin', 'cites', 'cms'], call: (c) => c.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'confirm', comment: 'Same concept in both taxonomies.' }) },
      { name: 'PUT cms party', allowed: ['admin', 'cms'], call: (c) => c.request('PUT', '/api/v1/cms-parties/IN', { entry_into_force: '1983-11-01' }) },
      { name: 'POST user', allowed: ['admin'], call: (c) => c.request('POST', '/api/v1/admin/users', { email: `new${n++}@example.org`, name: 'New', password: 'long enough password', role: 'cms_secretariat' }) },
      { name: 'PATCH user', allowed: ['admin'], call: (c) => c.request('PATCH', `/api/v1/admin/users/${focal.id}`, { role: 'party_focal_point' }) },
      { name: 'POST token', allowed: ['admin', 'cites', 'cms', 'focal'], call: (c) => c.request('POST', '/api/v1/auth/tokens', { name: 'matrix' }) },
      { name: 'GET tokens', allowed: ['admin', 'cites', 'cms', 'focal'], call: (c) => c.request('GET', '/api/v1/auth/tokens') },
      { name: "GET someone else's tokens", allowed: ['admin'], call: (c) => c.request('GET', `/api/v1/auth/tokens?user_id=${cms2.id}`) },
      { name: 'DELETE own token', allowed: ['admin', 'cites', 'cms', 'focal'], call: async (c) => {
        const made = await c.request('POST', '/api/v1/auth/tokens', { name: 'matrix revoke' });
        return c.request('DELETE', `/api/v1/auth/tokens/${made.statusCode === 201 ? made.json().id : othersToken}`);
      } },
      { name: "DELETE someone else's token", allowed: ['admin'], call: (c) => c.request('DELETE', `/api/v1/auth/tokens/${othersToken}`) },
      { name: 'GET audit', allowed: ['admin'], call: (c) => c.request('GET', '/api/v1/admin/audit') },
    ];
    for (const role of ['public', 'admin', 'cites', 'cms', 'focal']) {
      for (const route of routes) {
        const c = new Client(app);
        if (role !== 'public') await c.signIn(`${role}@example.org`);
        const res = await route.call(c);
        const expected = route.allowed.includes(role) ? 'allowed' : 403;
        expect(res.statusCode >= 200 && res.statusCode < 300 ? 'allowed' : res.statusCode, `${role} ${route.name} → ${res.statusCode}`).toBe(expected);
      }
    }
  });

  it('the audit log records before and after, for admins, as JSON and CSV', async () => {
    const admin = await signedIn('admin@example.org');
    const log = (await admin.request('GET', '/api/v1/admin/audit?resource_type=activity&limit=500')).json();
    const edit = log.events.find((e: { after: { text?: string } }) => /edited by one/.test(e.after?.text ?? ''));
    expect(edit).toMatchObject({ actor: 'cms@example.org', action: 'activity.update', resource_type: 'activity' });
    expect(edit.before.text).toBe('Provide comments to the other Secretariat, as requested, on proposals to list species of common concern.');
    const csv = await admin.request('GET', '/api/v1/admin/audit?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('id,at,actor,user_id,action,resource_type,resource_id,before,after,request_id');
    expect(csv.body).toMatch(/progressEntry\.create/);
    expect(JSON.stringify(log)).not.toMatch(/scrypt\$/);
  });

  it('curation: the queue, then replace and reject with a comment; curated links leave the queue', async () => {
    const cites = await signedIn('cites@example.org');
    await get().query(`update concept_links set review = true, origin = 'automatic' where id = $1`, [fx.linkId]);
    const queue = (await cites.request('GET', '/api/v1/curation/links')).json();
    expect(queue.links.map((l: { id: number }) => l.id)).toContain(fx.linkId);
    expect(queue.can).toEqual({ curate: true });
    const noComment = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'reject', comment: '' });
    expect(noComment.statusCode).toBe(400);
    const wrongTaxonomy = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'replace', comment: 'x', cites_taxon_concept_id: fx.cmsId });
    expect(wrongTaxonomy.json().detail).toMatch(/a CITES taxon concept; .* is a CMS concept/);
    const replaced = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'replace', comment: 'Same species; CITES follows Wilson & Reeder.', cites_taxon_concept_id: fx.citesId, relation: 'equal' });
    expect(replaced.json()).toMatchObject({ origin: 'curated', basis: 'curated', review: false, curated_by: 'cites@example.org' });
    const rejected = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'reject', comment: 'Testing rejection.' });
    expect(rejected.json()).toMatchObject({ relation: 'disjunct', origin: 'curated', cites_taxon_concept_id: null }); // 'no counterpart', as the joint list reads it
    const noneButEqual = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'replace', comment: 'x', cites_taxon_concept_id: null, relation: 'equal' });
    expect(noneButEqual.json()).toMatchObject({ status: 400, parameter: 'cites_taxon_concept_id' });
    expect(await count(`select count(*) n from audit_events where resource_type = 'conceptLink' and resource_id = '${fx.linkId}' and action in ('conceptLink.replace', 'conceptLink.reject') and actor = 'cites@example.org'`)).toBe(2);
    expect((await cites.request('GET', '/api/v1/curation/links')).json().links.map((l: { id: number }) => l.id)).not.toContain(fx.linkId);
    // A recomputed alignment (what an import triggers) keeps the curated decision and adds no automatic link beside it.
    await get().db.transaction((tx) => realign(tx));
    const links = await get().query<{ id: number; origin: string; relation: string; comment: string }>(`select id, origin, relation, comment from concept_links where cms_taxon_concept_id = $1`, [fx.cmsId]);
    expect(links).toEqual([{ id: fx.linkId, origin: 'curated', relation: 'disjunct', comment: 'Testing rejection.' }]);
    // Search follows the decision at once: no longer one species, so one row per taxonomy.
    // (another page size each time: the read cache may keep an answer for up to a second)
    const search = async (perPage: number) => (await cites.request('GET', `/api/v1/taxa?q=uncia&per_page=${perPage}`)).json().map((r: { id: number; taxonomy: string }) => [r.id, r.taxonomy]);
    expect(await search(10)).toEqual(expect.arrayContaining([[fx.citesId, 'CITES'], [fx.cmsId, 'CMS']]));
    // The rejection is undone by a second decision; the joined status follows it.
    const again = await cites.request('POST', `/api/v1/curation/links/${fx.linkId}`, { decision: 'replace', comment: 'Same species after all.', cites_taxon_concept_id: fx.citesId, relation: 'equal' });
    expect(again.json()).toMatchObject({ relation: 'equal', cites_taxon_concept_id: fx.citesId });
    expect(await search(11)).toEqual([[fx.citesId, 'CITES']]);
  });

  it('a species group shows each taxon in both conventions and the activities about it', async () => {
    const g = (await new Client(app).request('GET', '/api/v1/species-groups/big-cats')).json();
    const snow = g.taxa.find((t: { name: string }) => t.name === 'Uncia uncia');
    // One row: the species in both conventions, whichever taxonomy's name the document uses.
    expect(snow.concepts.map((c: { taxonomy: string; full_name: string; cites_listing: string | null; cms_listing: string | null; match: string }) => [c.taxonomy, c.full_name, c.cites_listing, c.cms_listing, c.match])).toEqual([[snow.concepts[0].taxonomy, snow.concepts[0].full_name, 'I', 'I', 'exact']]);
    expect(g.activities.map((a: { code: string }) => a.code)).toEqual(['B1', 'B9', 'B10', 'B11']);
    expect((await new Client(app).request('GET', '/api/v1/species-groups/dragons')).statusCode).toBe(404);
    const vultures = (await new Client(app).request('GET', '/api/v1/species-groups/african-eurasian-vultures')).json();
    const rueppell = vultures.taxa.find((t: { name: string }) => t.name === 'Gyps rueppelli');
    expect(rueppell.concepts).toEqual([expect.objectContaining({ full_name: 'Gyps rueppellii', taxonomy: 'CITES', cites_listing: 'II', match: 'stemmed' })]);
  });

  it("a listing change recorded by hand: by its own convention's Secretariat only, validated, audited, the status derived at once", async () => {
    const cms = await signedIn('cms@example.org');
    const cites = await signedIn('cites@example.org');
    // A true fact: the snow leopard has been in CITES Appendix I since the Convention entered into force.
    const change = { convention: 'CITES', appendix: 'I', change_type: 'ADDITION', effective_at: '1975-07-01', source_document: 'CITES Appendices 1975' };
    expect((await cms.request('POST', `/api/v1/taxa/${fx.citesId}/listing-changes`, change)).statusCode).toBe(403);
    expect((await new Client(app).request('POST', `/api/v1/taxa/${fx.citesId}/listing-changes`, change)).statusCode).toBe(403);
    const raptors = await cms.request('POST', `/api/v1/taxa/${fx.cmsId}/listing-changes`, { ...change, convention: 'CMS', appendix: 'Raptors' });
    expect(raptors.json()).toMatchObject({ status: 400, parameter: 'appendix' });
    const early = await cites.request('POST', `/api/v1/taxa/${fx.citesId}/listing-changes`, { ...change, effective_at: '1974-01-01' });
    expect(early.json()).toMatchObject({ status: 400, parameter: 'effective_at' });
    const wrongTaxonomy = await cites.request('POST', `/api/v1/taxa/${fx.cmsId}/listing-changes`, change);
    expect(wrongTaxonomy.json()).toMatchObject({ status: 400, parameter: 'taxon_concept_id' });
    const ok = await cites.request('POST', `/api/v1/taxa/${fx.citesId}/listing-changes`, change);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ convention: 'CITES', appendix: 'I', cites_listing: 'I', cms_listing: 'I' });
    expect(await count(`select count(*) n from audit_events where action = 'listingChange.record' and actor = 'cites@example.org'`)).toBe(1);
    expect(await count(`select count(*) n from listing_changes where taxon_concept_id = ${fx.citesId} and data->>'origin' = 'curated' and import_run_id is null`)).toBe(1);
  });

  it('CMS Party dates: set by the CMS Secretariat, validated, audited', async () => {
    const cms = await signedIn('cms@example.org');
    expect((await cms.request('PUT', '/api/v1/cms-parties/XX', { entry_into_force: '1983-11-01' })).statusCode).toBe(404);
    expect((await cms.request('PUT', '/api/v1/cms-parties/IN', { entry_into_force: 'yesterday' })).statusCode).toBe(400);
    const ok = await cms.request('PUT', '/api/v1/cms-parties/in', { entry_into_force: '1983-11-01' });
    expect(ok.json()).toEqual({ iso2: 'IN', convention: 'CMS', entry_into_force: '1983-11-01' });
    const list = (await cms.request('GET', '/api/v1/cms-parties')).json();
    expect(list.can).toEqual({ update: true });
    expect(list.parties).toContainEqual({ iso2: 'IN', name: 'India', entry_into_force: '1983-11-01', source: 'edited in Concord' });
    expect((await new Client(app).request('GET', '/api/v1/cms-parties')).json().can).toEqual({ update: false });
    expect(await count(`select count(*) n from audit_events where action = 'cmsPartyMembership.update' and resource_id = 'IN'`)).toBeGreaterThan(0);
  });

  it('funding records: validated, shown on the programme and the activity', async () => {
    const cites = await signedIn('cites@example.org');
    const bad = await cites.request('POST', '/api/v1/programmes/2021-2025/funding', { activity_code: 'B99', amount: 5000, currency: 'USD', donor: 'A donor', purpose: 'x', year: 2022 });
    expect(bad.statusCode).toBe(404);
    const future = await cites.request('POST', '/api/v1/programmes/2021-2025/funding', { amount: 5000, currency: 'USD', donor: 'A donor', purpose: 'x', year: 2999 });
    expect(future.json()).toMatchObject({ status: 400, parameter: 'year' });
    const ok = await cites.request('POST', '/api/v1/programmes/2021-2025/funding', { activity_code: 'B8', amount: 12500.5, currency: 'EUR', donor: 'Test donor', purpose: 'Argali Action Plan revision workshop', year: 2023 });
    expect(ok.json()).toEqual({ activity_code: 'B8', amount: 12500.5, currency: 'EUR', donor: 'Test donor', purpose: 'Argali Action Plan revision workshop', year: 2023 });
    expect((await cites.request('GET', `${A}/B8`)).json().funding).toEqual([ok.json()]);
  });

  it('never zero admins: the last active admin can neither demote nor disable itself; with a second admin it can', async () => {
    const admin = await signedIn('admin@example.org');
    const me = (await admin.request('GET', '/api/v1/auth/me')).json().user;
    const demote = await admin.request('PATCH', `/api/v1/admin/users/${me.id}`, { role: 'cites_secretariat' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toMatch(/last one/);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${me.id}`, { role: 'admin', disabled: true })).statusCode).toBe(409);
    expect(await count(`select count(*) n from users where role = 'admin' and not disabled`)).toBe(1);
    const second = await makeUser(get(), 'admin2@example.org', 'admin');
    const other = await signedIn('admin2@example.org');
    // Two admins: one may step down (and the other is then the last).
    expect((await other.request('PATCH', `/api/v1/admin/users/${second.id}`, { role: 'cms_secretariat' })).statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/v1/admin/users/${me.id}`, { role: 'cms_secretariat' })).statusCode).toBe(409);
  });

  it('sign-out ends the session', async () => {
    const c = await signedIn('cites@example.org');
    expect((await c.request('POST', '/api/v1/auth/sign-out')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/v1/auth/me')).json().user).toBeNull();
  });
});
