/**
 * Reads gnparser's conformance suite (test_data.md) as data: each case is a
 * "Name:" line, a "Canonical:" line, an "Authorship:" line and one JSON line,
 * grouped under "###" section labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface GnCase {
  section: string;
  name: string;
  expected: {
    parsed: boolean;
    quality: number;
    canonical?: { simple: string; full: string; stemmed: string };
    cardinality?: number;
    rank?: string;
    authorship?: { normalized: string; year?: string };
    id: string;
  };
}

export function seedDir(): string {
  return process.env.CONCORD_SEED_DIR ?? path.resolve(process.cwd(), '../shared/data');
}

export function loadGnCases(file = path.join(seedDir(), 'nameparse/gnparser/test_data.md')): GnCase[] {
  const out: GnCase[] = [];
  let section = '';
  let name: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('### ')) section = line.slice(4).trim();
    else if (line.startsWith('Name: ')) name = line.slice(6);
    else if (line.startsWith('{') && name !== undefined) {
      const j = JSON.parse(line);
      out.push({ section, name, expected: j });
      name = undefined;
    }
  }
  return out;
}

/** Field values compared by the tiers; undefined means "absent". */
export const TIER1 = ['parsed', 'canonical.simple', 'cardinality'] as const;
export const TIER2 = ['canonical.full', 'canonical.stemmed', 'authorship.normalized', 'authorship.year'] as const;
export type Field = (typeof TIER1)[number] | (typeof TIER2)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function fieldOf(o: any, field: Field): unknown {
  switch (field) {
    case 'parsed': return o.parsed;
    case 'cardinality': return o.parsed ? o.cardinality ?? 0 : 0;
    case 'canonical.simple': return o.canonical?.simple;
    case 'canonical.full': return o.canonical?.full;
    case 'canonical.stemmed': return o.canonical?.stemmed;
    case 'authorship.normalized': return o.authorship?.normalized;
    case 'authorship.year': return o.authorship?.year;
  }
}
