// npm run bench:csv — the importers' CSV reader (src/ingest/csv.ts, papaparse's
// core parser fed chunk by chunk) against csv-parse, the reader it replaced,
// on every CSV file of the reference data: the same records with the same
// start lines, and the speed of each (MB/s of text). Prints figures; exits
// non-zero if any file reads differently.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { readCsv } from '../src/ingest/csv.js';

const seedDir = process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');

function csvFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return csvFiles(p);
    return /\.csv(\.gz)?$/.test(e.name) ? [p] : [];
  });
}

/** csv-parse's reading, with the start line of each record counted as readCsv counts it. */
function withCsvParse(text: string): { line: number; values: Record<string, string> }[] {
  const records = parse(text, { bom: true, columns: (h: string[]) => h.map((x) => x.trim()), info: true, raw: true, skip_empty_lines: true }) as { record: Record<string, string>; raw: string; info: { lines: number } }[];
  let line = 2;
  return records.map((r) => {
    const out = { line, values: r.record };
    for (let i = 0; i < r.raw.length; i++) { const c = r.raw.charCodeAt(i); if (c === 10 || (c === 13 && r.raw.charCodeAt(i + 1) !== 10)) line++; }
    return out;
  });
}

const cpuSeconds = (f: () => unknown) => { const c = process.cpuUsage(); f(); const u = process.cpuUsage(c); return (u.user + u.system) / 1e6; };

let differing = 0;
let totalMb = 0; let oursSec = 0; let theirsSec = 0;
for (const file of csvFiles(seedDir).sort()) {
  const raw = fs.readFileSync(file);
  const text = (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const mb = Buffer.byteLength(text) / 2 ** 20;
  let theirs: ReturnType<typeof withCsvParse> | Error;
  const t1 = cpuSeconds(() => { try { theirs = withCsvParse(text); } catch (e) { theirs = e as Error; } });
  const ours: { line: number; values: Record<string, string> }[] = [];
  let oursError: Error | undefined;
  const c = process.cpuUsage();
  try { for await (const r of readCsv(file)) ours.push(r); } catch (e) { oursError = e as Error; }
  const u = process.cpuUsage(c); const t2 = (u.user + u.system) / 1e6;
  const rel = path.relative(seedDir, file);
  let verdict: string;
  if (theirs! instanceof Error || oursError) verdict = `csv-parse: ${theirs! instanceof Error ? theirs.message.slice(0, 60) : 'ok'}; ours: ${oursError ? oursError.message.slice(0, 60) : 'ok'}`;
  else {
    const diff = theirs!.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(ours[i]));
    verdict = diff < 0 && theirs!.length === ours.length ? `same ${ours.length} records` : `DIFFERENT at record ${diff < 0 ? ours.length : diff}: ${JSON.stringify(theirs![diff] ?? null).slice(0, 120)} vs ${JSON.stringify(ours[diff] ?? null).slice(0, 120)}`;
    if (!verdict.startsWith('same')) differing++;
    totalMb += mb; oursSec += t2; theirsSec += t1;
  }
  console.log(`${rel.padEnd(80)} ${mb.toFixed(1).padStart(6)} MB  csv-parse ${(mb / t1).toFixed(0).padStart(4)} MB/s  ours ${(mb / t2).toFixed(0).padStart(4)} MB/s  ${verdict}`);
}
console.log(`\nall files read alike: ${totalMb.toFixed(1)} MB; csv-parse ${(totalMb / theirsSec).toFixed(0)} MB/s (${theirsSec.toFixed(2)} s CPU), readCsv ${(totalMb / oursSec).toFixed(0)} MB/s (${oursSec.toFixed(2)} s CPU, gunzip and UTF-8 check included); ${differing} files differ`);
process.exitCode = differing ? 1 : 0;
