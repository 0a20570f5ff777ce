// The importers' CSV reader (src/ingest/csv.ts) against csv-parse, the
// reference it replaced: the same records with the same start lines, whatever
// the line endings, quoting, embedded line breaks and however the file falls
// into chunks (generated files of a few hundred kB cross many chunk edges,
// gzipped or not); and clear refusals for unbalanced quotes and ragged rows.
// One known difference: in a one-column file a quoted empty value ("") reads
// as an empty line and is skipped; csv-parse keeps it. No source has one column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/ingest/csv.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-csv-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function ours(text: string | Buffer, name = `f${n++}.csv`) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, name.endsWith('.gz') ? zlib.gzipSync(text) : text);
  const out: { line: number; values: Record<string, string> }[] = [];
  for await (const r of readCsv(file)) out.push(r);
  return out;
}

/** csv-parse's records, each with the line it starts on. */
function reference(text: string) {
  const records = parse(text, { bom: true, columns: true, raw: true, skip_empty_lines: true }) as { record: Record<string, string>; raw: string }[];
  let line = 2;
  return records.map((r) => {
    const out = { line, values: r.record };
    line += (r.raw.match(/\r\n|\r|\n/g) ?? []).length;
    return out;
  });
}

const quoted = (v: string) => `"${v.replace(/"/g, '""')}"`;
const field = fc.oneof(
  fc.string({ maxLength: 12 }).filter((s) => !/[",\r\n]/.test(s)),
  fc.string({ maxLength: 40 }).map(quoted),
  fc.array(fc.constantFrom('a', ' ', ',', '"', '\n', '\r\n', 'é', '漢'), { maxLength: 30 }).map((cs) => quoted(cs.join(''))),
  fc.nat(3000).map((k) => quoted(`${'x'.repeat(k)}\r\n${'y'.repeat(k)}`)),
);

/** One generated file read by both readers: the same records with the same start lines. */
async function sameAsReference(cols: number, eol: string, gz: boolean, seed: number) {
  const rows = fc.sample(fc.array(field, { minLength: cols, maxLength: cols }), { numRuns: 150, seed });
  const text = [Array.from({ length: cols }, (_, i) => `c${i}`).join(','), ...rows.map((r) => r.join(','))].join(eol) + eol;
  const [got, want] = [await ours(text, `g${n++}.csv${gz ? '.gz' : ''}`), reference(text)];
  const at = want.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(got[i]));
  expect({ count: got.length, firstDifference: at < 0 ? null : { want: want[at], got: got[at] } }).toEqual({ count: want.length, firstDifference: null });
}

/** FC_SEED replays a run (the seed is printed on failure); FC_RUNS runs more (scripts/long-tests). */
const fcOptions = { numRuns: Number(process.env.FC_RUNS ?? 25), ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

describe('readCsv', () => {
  it('reads generated files as csv-parse does, records and start lines, across chunk edges', async () => {
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 2, max: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.nat(),
      sameAsReference), fcOptions);
  });

  it('regression: a CRLF file whose chunk edge falls after a closing quote (fast-check seed 1959488990)', async () => {
    await sameAsReference(3, '\r\n', true, 2147483641);
  });

  it('skips empty lines but still counts them, and drops a byte-order mark', async () => {
    const got = await ours('\uFEFFa,b\r\n\r\n1,"x\r\ny"\r\n\r\n2,z\r\n');
    expect(got).toEqual([{ line: 3, values: { a: '1', b: 'x\r\ny' } }, { line: 6, values: { a: '2', b: 'z' } }]);
  });

  it('refuses an unbalanced quote and a ragged row at the line of their record', async () => {
    await expect(ours('a,b\n1,2\n3,"4\n5,6\n')).rejects.toThrow(/:3\b.*closing quote/);
    await expect(ours('a,b\n1,"x\ny"\n2,3,4\n')).rejects.toThrow(/:4\b.*as many fields as the header \(2\), found 3/);
    await expect(ours('a,b\n1,"x"y\n')).rejects.toThrow(/:2\b.*after a closing quote/);
    await expect(ours('')).rejects.toThrow(/header/);
    await expect(ours('a,b\n')).rejects.toThrow(/at least one data row/);
  });
});
