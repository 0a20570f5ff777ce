// Taxon concepts of both taxonomies read straight from the reference files:
// the CMS taxonomy from the Species+ 2013 seed (Designation contains CMS),
// the CITES taxonomy from the 2017 Checklist (its rows, their higher taxa and
// synonyms) plus the 2013 CITES_EU records the Checklist does not carry
// (species CITES does not list). Ids: 2017 TaxonId, 2013 records 1e6 + n.
import { parseCanonical } from '../../src/names/parser.js';
import { readCsv } from '../../src/ingest/csv.js';
import type { ConceptInput } from '../../src/alignment/align.js';
import { checklist2017, dataPath } from '../support/data.js';

export interface LegacyRecord {
  key: string; // 'Species:22563'
  name: string; rank: string; author: string; designation: string; status: string;
  parentKey: string | null;
  className: string | null;
}

const animals = (f: string) => dataPath('sapi-legacy-2013', 'lib', 'files', 'animals', f);

export async function legacyTaxa(): Promise<Map<string, LegacyRecord>> {
  const raw = new Map<string, Record<string, string>>();
  for await (const { values: v } of readCsv(animals('animalia_taxa_utf8.csv'))) raw.set(`${v.Rank}:${v.RecID}`, v);
  const out = new Map<string, LegacyRecord>();
  const full = (k: string): string => {
    const v = raw.get(k)!;
    const own = v['Scientific name'].trim();
    if (v.Rank === 'Species' || v.Rank === 'Subspecies') return `${full(`${v.ParentRank}:${v.ParentRecID}`)} ${own}`;
    return own.charAt(0).toUpperCase() + own.slice(1).toLowerCase();
  };
  const classOf = (k: string | null): string | null => {
    for (let v = k ? raw.get(k) : undefined; v; v = raw.get(`${v.ParentRank}:${v.ParentRecID}`)) {
      if (v.Rank === 'Class') return full(`${v.Rank}:${v.RecID}`);
    }
    return null;
  };
  for (const [k, v] of raw) {
    out.set(k, {
      key: k, name: full(k), rank: v.Rank.toUpperCase(), author: v['Species Author'], designation: v.Designation, status: v.Status,
      parentKey: v.ParentRecID ? `${v.ParentRank}:${v.ParentRecID}` : null,
      className: classOf(k),
    });
  }
  return out;
}

/** Synonym names per accepted 2013 record, for one designation (CMS or CITES_EU). */
export async function legacySynonyms(taxa: Map<string, LegacyRecord>, designation: 'CMS' | 'CITES_EU'): Promise<Map<string, string[]>> {
  // A synonym subspecies may hang under a synonym species: resolve parents in both files.
  const raw = new Map<string, Record<string, string>>();
  for await (const { values: v } of readCsv(animals('animalia_synonyms_utf8.csv'))) raw.set(`${cap(v.Rank)}:${v.RecID}`, v);
  const full = (k: string, seen = 0): string | null => {
    const v = raw.get(k);
    if (!v) return taxa.get(k)?.name ?? null;
    const epithet = v['Scientific name'].trim();
    const rank = cap(v.Rank);
    if (rank !== 'Species' && rank !== 'Subspecies') return cap(epithet);
    const parent = seen < 3 ? full(`${cap(v.ParentRank)}:${v['Parent recID']}`, seen + 1) : null;
    return parent ? `${parent} ${epithet}` : null;
  };
  const out = new Map<string, string[]>();
  for (const [k, v] of raw) {
    if (!v.Designation.split(',').includes(designation)) continue;
    const name = full(k);
    if (!name) continue;
    const acc = `${cap(v.AcceptedRank)}:${v.AcceptedRecID}`;
    out.set(acc, [...(out.get(acc) ?? []), name]);
  }
  return out;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();

/** Test ids for 2013 records: CMS concepts from 1e6, CITES concepts from 3e6 (one record can be both). */
let legacyIds = 0;
const legacyId = new Map<string, number>();
export const idOfLegacy = (key: string, taxonomy: 'CMS' | 'CITES') => {
  const k = `${taxonomy}:${key}`;
  if (!legacyId.has(k)) legacyId.set(k, (taxonomy === 'CMS' ? 1_000_000 : 3_000_000) + ++legacyIds);
  return legacyId.get(k)!;
};

export async function cmsConcepts(taxa: Map<string, LegacyRecord>): Promise<ConceptInput[]> {
  const syn = await legacySynonyms(taxa, 'CMS');
  return [...taxa.values()]
    .filter((r) => r.designation.split(',').includes('CMS') && r.status === 'A')
    .map((r) => ({ id: idOfLegacy(r.key, 'CMS'), name: r.name, rank: r.rank, author: r.author, className: r.className, synonyms: syn.get(r.key) ?? [] }));
}

export interface CitesRow { TaxonId: string; Class: string; FullName: string; RankName: string; CurrentListing: string; SynonymsWithAuthors: string; AuthorYear: string; Kingdom: string }

export async function checklistRows(): Promise<CitesRow[]> {
  const rows: CitesRow[] = [];
  for await (const { values: v } of readCsv(checklist2017)) if (v.Kingdom === 'Animalia') rows.push(v as unknown as CitesRow);
  return rows;
}

/** "Aus bus Smith, 1900, Aus cus (Jones, 1850)" -> canonical names. */
export function splitSynonyms(s: string): string[] {
  if (!s.trim()) return [];
  return s.split(/,\s*(?=[A-Z][a-z]+ [a-z])/).map((x) => parseCanonical(x.trim())?.simple).filter((x): x is string => Boolean(x));
}

export async function citesConcepts(rows: CitesRow[], taxa: Map<string, LegacyRecord>): Promise<ConceptInput[]> {
  const out: ConceptInput[] = [];
  const names = new Set<string>();
  for (const r of rows) {
    out.push({ id: Number(r.TaxonId), name: r.FullName, rank: r.RankName, author: r.AuthorYear, className: r.Class || null, synonyms: splitSynonyms(r.SynonymsWithAuthors), weight: 2 });
    names.add(`${r.RankName}|${r.FullName}`);
  }
  // Higher taxa named in the classification columns only.
  let n = 0;
  for (const r of rows as unknown as Record<string, string>[]) {
    for (const [col, rank] of [['Phylum', 'PHYLUM'], ['Class', 'CLASS'], ['Order', 'ORDER'], ['Family', 'FAMILY'], ['Genus', 'GENUS']]) {
      const raw = r[col];
      if (!raw) continue;
      const name = raw.charAt(0).toUpperCase() + raw.slice(1).toLowerCase();
      if (names.has(`${rank}|${name}`)) continue;
      names.add(`${rank}|${name}`);
      out.push({ id: 2_000_000 + ++n, name, rank, weight: 1 });
    }
  }
  const syn = await legacySynonyms(taxa, 'CITES_EU');
  for (const r of taxa.values()) {
    if (!r.designation.split(',').includes('CITES_EU') || r.status !== 'A') continue;
    out.push({ id: idOfLegacy(r.key, 'CITES'), name: r.name, rank: r.rank, author: r.author, className: r.className, synonyms: syn.get(r.key) ?? [], weight: 0 });
  }
  return out;
}
