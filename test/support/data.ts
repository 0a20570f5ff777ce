// Where the reference data lives, and helpers to cut small slices of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';

export const seedDir = process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');
export const dataPath = (...parts: string[]) => path.join(seedDir, ...parts);
export const checklist2017 = dataPath('cites-index-2017', 'Index_of_CITES_Species_2017-04-21 17-27.csv.gz');

/** A fresh temp folder for this test file. */
export function tempDir(prefix = 'concord-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Lines of a (possibly gzipped) text file, streamed. */
export async function* readLines(file: string): AsyncGenerator<string> {
  let input: NodeJS.ReadableStream = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/**
 * Write the header plus the rows whose first line matches `keep` to a temp file.
 * Good for CSVs whose records are one line each; multi-line records need the importer's parser.
 */
export async function sliceCsv(file: string, keep: (line: string, index: number) => boolean, outName: string): Promise<string> {
  const out: string[] = [];
  let i = 0;
  for await (const line of readLines(file)) {
    if (i === 0 || keep(line, i)) out.push(line);
    i++;
  }
  const target = path.join(tempDir(), outName);
  fs.writeFileSync(target, out.join('\n') + '\n');
  return target;
}
