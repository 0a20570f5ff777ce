// Measures the web app: JavaScript gzipped on first load (entry chunk and what
// index.html preloads) and per route chunk, and the load time of a taxon page
// in Chromium against a running server. Prints figures; never passes or fails.
//   npm run build:web && npx tsx test/e2e/measure.ts http://127.0.0.1:3000 [taxonId]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser, newContext } from './harness.js';

const dist = path.resolve(import.meta.dirname, '../../web/dist');
const baseUrl = process.argv[2] ?? 'http://127.0.0.1:3000';

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function bundle(): void {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let total = 0;
  console.log('first load (index.html references):');
  for (const f of first) { const n = gz(path.join(dist, f)); total += n; console.log(`  ${f.padEnd(44)} ${kb(n)} gzipped`); }
  console.log(`  total ${kb(total)} gzipped`);
  console.log('lazy chunks:');
  for (const f of fs.readdirSync(path.join(dist, 'assets')).filter((x) => !first.includes(`assets/${x}`)).sort()) {
    console.log(`  assets/${f.padEnd(37)} ${kb(gz(path.join(dist, 'assets', f)))} gzipped`);
  }
}

async function loadTime(): Promise<void> {
  let id = process.argv[3];
  if (!id) {
    const res = await fetch(`${baseUrl}/api/v1/taxa?q=Loxodonta%20africana&taxonomy=cites&per_page=1`);
    id = String(((await res.json()) as { id: number }[])[0].id);
  }
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const ctx = await newContext(browser);
      const page = await ctx.newPage();
      const scripts = new Set<string>();
      page.on('request', (r) => { const m = /\/(assets\/[^?]+\.js)$/.exec(r.url()); if (m) scripts.add(m[1]); });
      const t0 = Date.now();
      await page.goto(`${baseUrl}/taxa/${id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.locator('.status-panel').first().waitFor();
      times.push(Date.now() - t0);
      if (i === 0) {
        const bytes = [...scripts].reduce((n, f) => n + gz(path.join(dist, f)), 0);
        console.log(`taxon page loads ${scripts.size} scripts, ${kb(bytes)} gzipped: ${[...scripts].join(', ')}`);
      }
      await ctx.close();
    }
    const cold = times[0];
    const warm = times.slice(1).sort((a, b) => a - b);
    console.log(`taxon page /taxa/${id} (cold browser cache, new context each time): first ${cold} ms; next 5 median ${warm[2]} ms, max ${warm[4]} ms`);
  } finally {
    await browser.close();
  }
}

bundle();
await loadTime();
