// A/B of two checkouts on their seeded databases, interleaved rounds (cached detail, uncached detail, autocomplete), as bench/api.ts measures them.
// BASE=/path/to/other/checkout BASE_URL=postgres://.../its_db DATABASE_URL=postgres://.../this_db [ROUNDS=4 SECS=6 MODES=cached,uncached,autocomplete] node bench/compare-api.mjs
// A checkout with dist/ runs compiled, else through tsx.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import pg from 'pg';
import autocannon from 'autocannon';
const url = process.env.DATABASE_URL;
const seconds = Number(process.env.SECS ?? 6);
const rounds = Number(process.env.ROUNDS ?? 3);
if (!process.env.BASE || !url) throw new Error('BASE (the other checkout) and DATABASE_URL (this checkout\'s seeded database) are required');
const dirs = { base: process.env.BASE, new: process.env.NEW ?? process.cwd() };
const modes = (process.env.MODES ?? 'cached,uncached,autocomplete').split(',');
const c = new pg.Client({ connectionString: url }); await c.connect();
const ids = (await c.query(`select id from taxon_concepts where name_status='A' and rank='SPECIES' order by md5(id::text) limit 2000`)).rows.map((r) => r.id);
const names = (await c.query(`select full_name from taxon_concepts where name_status='A' and rank='SPECIES' order by md5(full_name) limit 300`)).rows.map((r) => r.full_name);
await c.end();
const freePort = () => new Promise((res) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
async function start(dir, cache) {
  const port = await freePort();
  const args = fs.existsSync(`${dir}/dist/cli/index.js`) ? ['dist/cli/index.js'] : ['--import', 'tsx', 'src/cli/index.ts'];
  const child = spawn(process.execPath, [...args, 'serve', '--no-seed'], { cwd: dir, env: { ...process.env, DATABASE_URL: dir === dirs.base ? (process.env.BASE_URL ?? url) : url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', CONCORD_RATE_LIMIT: '1000000000', CONCORD_PG_POOL: '20', CONCORD_READ_CACHE: cache ? '1' : '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) { try { if ((await fetch(`${base}/health`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 100)); }
  for (const id of ids) await (await fetch(`${base}/api/v1/taxa/${id}`)).arrayBuffer();
  return { child, base };
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
async function detail(base) { let i = 0; const r = await autocannon({ url: base, connections: 50, duration: seconds, requests: [{ method: 'GET', setupRequest: (q) => ({ ...q, path: `/api/v1/taxa/${ids[i++ % ids.length]}` }) }] }); return `${Math.round(r.requests.average)} req/s p99 ${r.latency.p99} ms err ${r.errors + r.non2xx}`; }
async function ac(base) {
  const prefixes = names.flatMap((n) => [3, 5, 8].map((k) => n.slice(0, k))); const lat = []; const end = Date.now() + seconds * 1000; let k = 0;
  await Promise.all(Array.from({ length: 4 }, async () => { while (Date.now() < end) { const q = prefixes[k++ % prefixes.length]; const t0 = performance.now(); const res = await fetch(`${base}/api/v1/taxa?q=${encodeURIComponent(q)}&per_page=10`); await res.arrayBuffer(); lat.push(performance.now() - t0); } }));
  return `p50 ${pct(lat, 50).toFixed(1)} ms p95 ${pct(lat, 95).toFixed(1)} ms n ${lat.length}`;
}
const servers = {};
for (const v of ['base', 'new']) { if (modes.includes('cached')) servers[`${v}-c`] = await start(dirs[v], true); if (modes.some((m) => m !== 'cached')) servers[`${v}-u`] = await start(dirs[v], false); }
try {
  for (let r = 1; r <= rounds; r++) for (const m of modes) for (const v of (r % 2 ? ['base', 'new'] : ['new', 'base'])) {
    const s = servers[`${v}-${m === 'cached' ? 'c' : 'u'}`];
    const out = m === 'autocomplete' ? await ac(s.base) : await detail(s.base);
    console.log(`round ${r} ${m.padEnd(12)} ${v.padEnd(4)} ${out}`);
  }
} finally { for (const s of Object.values(servers)) s.child.kill(); }
