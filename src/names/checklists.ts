/**
 * Turning checklist rows into match-index entries. Pure: callers read the
 * files (CSV rows as objects) and pass the rows in.
 *  - the CITES "Index of CITES Species" export (FullName, AuthorYear,
 *    RankName, SynonymsWithAuthors, Kingdom, TaxonId);
 *  - the legacy Species+ animal taxonomy (2013): epithets linked to parents
 *    by (rank, RecID), synonyms pointing to AcceptedRecID;
 *  - any Darwin Core-style CSV (taxonID, scientificName, taxonomicStatus,
 *    acceptedNameUsageID).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { ChecklistEntry, VernacularEntry } from './matcher.js';

type Row = Record<string, string | undefined>;

function isNameStart(s: string, i: number): boolean {
  // a new name starts with a capitalised genus followed by a lower-case epithet or ×
  let j = i;
  while (j < s.length && s[j] === ' ') j++;
  const c = s.charCodeAt(j);
  if (!(c >= 65 && c <= 90)) return false;
  let k = j + 1;
  while (k < s.length && s[k] !== ' ' && s[k] !== ',') {
    const d = s.charCodeAt(k);
    if (!((d >= 97 && d <= 122) || d > 127 || s[k] === '-')) return false;
    k++;
  }
  if (k - j < 2 || s[k] !== ' ') return false;
  const n = s[k + 1];
  return n !== undefined && ((n >= 'a' && n <= 'z') || n === '×');
}

/**
 * Split the CITES SynonymsWithAuthors cell. Commas also occur inside
 * authorships ("(Linnaeus, 1767)", "Lesson & DeLattre, 1839"), so a comma
 * splits only outside parentheses and before something shaped like a name.
 */
export function splitSynonyms(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0 && isNameStart(cell, i + 1)) {
      const part = cell.slice(start, i).trim();
      if (part) out.push(part);
      start = i + 1;
    }
  }
  const last = cell.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** Phylum, class, order and family from the row's columns of those names (in that order), when any is filled. */
function higherOf(r: Row, columns: [string, string, string, string]): ChecklistEntry['higherTaxa'] {
  const t: NonNullable<ChecklistEntry['higherTaxa']> = {};
  (['phylum', 'class', 'order', 'family'] as const).forEach((rank, i) => { const v = r[columns[i]]?.trim(); if (v) t[rank] = v; });
  return Object.keys(t).length ? t : undefined;
}

/** Entries from rows of the CITES "Index of CITES Species" export (accepted names and their synonyms). */
export function citesIndexToEntries(rows: Iterable<Row>, taxonomy = 'CITES'): ChecklistEntry[] {
  const out: ChecklistEntry[] = [];
  for (const r of rows) {
    const id = r.TaxonId?.trim();
    const full = r.FullName?.trim();
    if (!id || !full) continue;
    const author = r.AuthorYear?.trim();
    const kingdom = r.Kingdom?.trim() || undefined;
    const higherTaxa = higherOf(r, ['Phylum', 'Class', 'Order', 'Family']);
    out.push({ taxonId: id, scientificName: full, authorship: author || undefined, status: 'accepted', acceptedId: null, taxonomy, kingdom, rank: r.RankName?.trim() || undefined, ...(higherTaxa ? { higherTaxa } : {}) });
    const syns = r.SynonymsWithAuthors ? splitSynonyms(r.SynonymsWithAuthors) : [];
    syns.forEach((s, k) => {
      out.push({ taxonId: `${id}-syn-${k + 1}`, scientificName: s, status: 'synonym', acceptedId: id, taxonomy, kingdom });
    });
  }
  return out;
}

/** Common names of the CITES export's accepted names (EnglishNames, FrenchNames, SpanishNames: comma-separated lists). */
export function citesIndexToVernaculars(rows: Iterable<Row>, taxonomy = 'CITES'): VernacularEntry[] {
  const out: VernacularEntry[] = [];
  for (const r of rows) {
    const id = r.TaxonId?.trim();
    if (!id) continue;
    for (const [column, language] of [['EnglishNames', 'en'], ['FrenchNames', 'fr'], ['SpanishNames', 'es']] as const) {
      for (const name of (r[column] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) out.push({ taxonId: id, taxonomy, name, language });
    }
  }
  return out;
}

/**
 * Entries from the legacy Species+ animal taxonomy (animalia_taxa + animalia_synonyms).
 * Record ids are unique per rank only, so parents are looked up by (rank, id).
 * `designation` keeps taxa of one convention (e.g. "CMS" keeps CMS and "CITES_EU,CMS").
 */
export function sapiLegacyToEntries(taxa: Iterable<Row>, synonyms: Iterable<Row>, opts: { taxonomy?: string; designation?: string } = {}): ChecklistEntry[] {
  const taxonomy = opts.taxonomy ?? 'CMS';
  const key = (rank: string | undefined, id: string | undefined): string => `${(rank ?? '').toLowerCase()}:${id ?? ''}`;
  const byKey = new Map<string, Row>();
  const taxaList = [...taxa];
  for (const t of taxaList) byKey.set(key(t.Rank, t.RecID), t);
  const synList = [...synonyms];
  const synGenus = new Map<string, Row>();
  for (const s of synList) if ((s.Rank ?? '').toLowerCase() === 'genus') synGenus.set(s.RecID ?? '', s);
  const fullName = (row: Row, lookupGenus: (id: string) => Row | undefined): string | undefined => {
    const name = (row['Scientific name'] ?? '').trim();
    const rank = (row.Rank ?? '').toLowerCase();
    const parentId = row.ParentRecID ?? row['Parent recID'];
    if (rank === 'species') {
      const g = lookupGenus(parentId ?? '');
      return g ? `${(g['Scientific name'] ?? '').trim()} ${name}` : undefined;
    }
    if (rank === 'subspecies') {
      const sp = byKey.get(key('species', parentId));
      if (!sp) return undefined;
      const spName = fullName(sp, (id) => byKey.get(key('genus', id)));
      return spName ? `${spName} ${name}` : undefined;
    }
    return name; // genus and higher: uninomials (often ALL CAPS, the parser folds them)
  };
  const wanted = (d: string | undefined): boolean => !opts.designation || (d ?? '').split(',').map((x) => x.trim()).includes(opts.designation);
  const out: ChecklistEntry[] = [];
  for (const t of taxaList) {
    if (!wanted(t.Designation) || t.Status === 'H') continue;
    const full = fullName(t, (id) => byKey.get(key('genus', id)));
    if (!full) continue;
    const author = (t['Species Author'] ?? '').trim();
    out.push({
      taxonId: key(t.Rank, t.RecID), scientificName: full, authorship: author || undefined, status: 'accepted', acceptedId: null,
      taxonomy, kingdom: 'Animalia', rank: (t.Rank ?? '').toUpperCase(),
    });
  }
  for (const s of synList) {
    if (!wanted(s.Designation) || !s.AcceptedRecID) continue;
    const full = fullName(s, (id) => byKey.get(key('genus', id)) ?? synGenus.get(id));
    if (!full) continue;
    const author = (s['Species Author'] ?? '').trim();
    out.push({
      taxonId: `syn:${key(s.Rank, s.RecID)}`, scientificName: full, authorship: author || undefined, status: 'synonym',
      acceptedId: key(s.AcceptedRank, s.AcceptedRecID), taxonomy, kingdom: 'Animalia', rank: (s.Rank ?? '').toUpperCase(),
    });
  }
  return out;
}

export interface DwcProblem {
  line: number;
  field: string;
  expected: string;
  value?: string;
}

export interface DwcChecklist {
  entries: ChecklistEntry[];
  problems: DwcProblem[];
}

const ACCEPTED = new Set(['accepted', 'valid', 'provisionally accepted', 'doubtful']);

function entriesFromRecords(records: Row[], taxonomy: string): DwcChecklist {
  const entries: ChecklistEntry[] = [];
  const problems: DwcProblem[] = [];
  const header = records.length ? Object.keys(records[0]) : [];
  for (const need of ['taxonID', 'scientificName']) {
    if (records.length && !header.includes(need)) problems.push({ line: 1, field: need, expected: `a "${need}" column` });
  }
  if (problems.length) return { entries, problems };
  records.forEach((r, k) => {
    const line = k + 2;
    const id = r.taxonID?.trim();
    let name = r.scientificName?.trim();
    if (!id) { problems.push({ line, field: 'taxonID', expected: 'a non-empty identifier' }); return; }
    if (!name) { problems.push({ line, field: 'scientificName', expected: 'a scientific name', value: name }); return; }
    const auth = r.scientificNameAuthorship?.trim();
    if (auth && name.endsWith(auth)) name = name.slice(0, -auth.length).trim();
    const statusRaw = (r.taxonomicStatus ?? 'accepted').trim().toLowerCase();
    const accId = r.acceptedNameUsageID?.trim() || null;
    const synonym = statusRaw.includes('synonym') || (accId !== null && accId !== id && !ACCEPTED.has(statusRaw));
    if (!synonym && statusRaw && !ACCEPTED.has(statusRaw)) {
      problems.push({ line, field: 'taxonomicStatus', expected: 'accepted, synonym (or a kind of synonym)', value: r.taxonomicStatus });
    }
    const higherTaxa = higherOf(r, ['phylum', 'class', 'order', 'family']);
    entries.push({
      taxonId: id, scientificName: name, authorship: auth || undefined, status: synonym ? 'synonym' : 'accepted', acceptedId: synonym ? accId : null,
      taxonomy, kingdom: r.kingdom?.trim() || undefined, rank: r.taxonRank?.trim() || undefined, ...(higherTaxa ? { higherTaxa } : {}),
    });
    if (synonym && !accId) problems.push({ line, field: 'acceptedNameUsageID', expected: 'the taxonID of the accepted name for a synonym' });
  });
  return { entries, problems };
}

/**
 * Read a Darwin Core-style checklist CSV (or TSV) given as text or as an
 * async iterable of lines. Bad rows become problems naming line and field.
 */
export async function readDwcChecklist(input: string | AsyncIterable<string>, opts: { taxonomy?: string } = {}): Promise<DwcChecklist> {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const lines: string[] = [];
    for await (const l of input) lines.push(l.endsWith('\n') ? l.slice(0, -1) : l);
    text = lines.join('\n');
  }
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: Row[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, bom: true, delimiter, relax_column_count: true, trim: false }) as Row[];
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { entries: [], problems: [{ line: e.lines ?? 0, field: '(csv)', expected: `well-formed CSV: ${e.message}` }] };
  }
  return entriesFromRecords(records, opts.taxonomy ?? 'DwC');
}
