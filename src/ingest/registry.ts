// The importers, one file a source format under ./formats/, found by folder.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Importer } from './run.js';

const formatsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'formats');

let cache: Map<string, Importer> | undefined;

export async function importers(): Promise<Map<string, Importer>> {
  if (cache) return cache;
  const map = new Map<string, Importer>();
  const files = fs.readdirSync(formatsDir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|d)\.ts$/.test(f))
    .sort();
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(formatsDir, f)).href)) as { importers?: Importer[]; importer?: Importer };
    for (const imp of mod.importers ?? (mod.importer ? [mod.importer] : [])) map.set(imp.format, imp);
  }
  cache = map;
  return map;
}

export async function importerFor(format: string): Promise<Importer> {
  const all = await importers();
  const imp = all.get(format);
  if (!imp) throw new Error(`unknown import format '${format}'; expected one of: ${[...all.keys()].join(', ')}`);
  return imp;
}
