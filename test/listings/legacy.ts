// Reads the Species+ 2013 seed files (taxa + CITES and CMS legislation)
// straight into the listing engine's types, so the pure core can be tested on
// real history without the database or the importers.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { dataPath } from '../support/data.js';
import type { ChangeType, ListingChange, TaxonNode } from '../../src/listings/index.js';

const files = (...p: string[]) => dataPath('sapi-legacy-2013', 'lib', 'files', ...p);

export interface LegacyData {
  tree: TaxonNode[];
  changes: ListingChange[];
  /** Full scientific name -> node ids (a name can repeat across kingdoms or statuses). */
  byName: Map<string, number[]>;
  rejects: string[];
  /** CMS Agreement and MOU rows of CMS_legislation (as the file names them). */
  instruments: { taxonConceptId: number; instrument: string; since: string | null }[];
}

type Row = Record<string, string>;
const read = (file: string): Row[] => parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true }) as Row[];

const up = (s: string) => s.trim().toUpperCase();

/** dd/mm/yyyy -> yyyy-mm-dd */
export function legacyDate(s: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

const isoList = (s: string | undefined) => (s ?? '').split(/[,;\s]+/).map((x) => x.trim().toUpperCase()).filter((x) => /^[A-Z]{2}$/.test(x));

/** 'I' ADDITION, 'DELII' DELETION, 'I/r' RESERVATION, 'II/w' RESERVATION_WITHDRAWAL. */
export function legacyListing(code: string): { appendix: string; changeType: ChangeType } | null {
  const c = code.trim();
  let m = /^DEL(I{1,3})$/.exec(c);
  if (m) return { appendix: m[1], changeType: 'DELETION' };
  m = /^(I{1,3})\/([rw])$/.exec(c);
  if (m) return { appendix: m[1], changeType: m[2] === 'r' ? 'RESERVATION' : 'RESERVATION_WITHDRAWAL' };
  if (/^I{1,3}$/.test(c)) return { appendix: c, changeType: 'ADDITION' };
  return null;
}

export function loadLegacy(): LegacyData {
  const tree: TaxonNode[] = [];
  const ids = new Map<string, number>(); // 'A:SPECIES:219' -> id
  const byName = new Map<string, number[]>();
  const rejects: string[] = [];
  let nextId = 1;
  for (const [kingdom, file] of [['A', files('animals', 'animalia_taxa_utf8.csv')], ['P', files('plants', 'plantae_taxa_utf8.csv')]] as const) {
    const rows = read(file);
    const key = (rank: string, rec: string) => `${kingdom}:${up(rank)}:${rec.trim()}`;
    for (const r of rows) ids.set(key(r.Rank, r.RecID), nextId++);
    const rowByKey = new Map(rows.map((r) => [key(r.Rank, r.RecID), r]));
    const fullName = (r: Row): string => {
      const rank = up(r.Rank);
      if (rank === 'SPECIES' || rank === 'SUBSPECIES' || rank === 'VARIETY') {
        const p = rowByKey.get(key(r.ParentRank, r.ParentRecID));
        const marker = rank === 'VARIETY' ? 'var. ' : '';
        return p ? `${fullName(p)} ${marker}${r['Scientific name'].trim()}` : r['Scientific name'].trim();
      }
      const n = r['Scientific name'].trim();
      return n.charAt(0) + n.slice(1).toLowerCase();
    };
    for (const r of rows) {
      const id = ids.get(key(r.Rank, r.RecID))!;
      const parentId = r.ParentRecID ? ids.get(key(r.ParentRank, r.ParentRecID)) ?? null : null;
      const name = fullName(r);
      tree.push({ id, name, rank: up(r.Rank), parentId });
      byName.set(name, [...(byName.get(name) ?? []), id]);
    }
  }
  const changes: ListingChange[] = [];
  const instruments: LegacyData['instruments'] = [];
  const cites = [['A', files('animals', 'animalia_legislation_utf8.csv')], ['P', files('plants', 'plantae_legislation_utf8.csv')]] as const;
  for (const [kingdom, file] of cites) {
    read(file).forEach((r, i) => {
      const line = i + 2;
      const taxon = ids.get(`${kingdom}:${up(r.rank_name)}:${r.rec_id.trim()}`);
      const l = legacyListing(r.listing);
      if (!taxon || !l) { rejects.push(`${file}:${line}`); return; }
      changes.push({
        id: `${kingdom}C${line}`, taxonConceptId: taxon, convention: 'CITES', ...l,
        effectiveAt: legacyDate(r.effective_from), partyIso2: r.party_iso2?.trim() || null,
        isCurrent: r.is_current === '1',
        populationsIncluded: isoList(r.populations_iso2), populationsExcluded: isoList(r.EXCLUDEDpopulations_iso),
        inclusionTaxonConceptId: r.included_in_RecID && r.RankforInclusions ? ids.get(`${kingdom}:${up(r.RankforInclusions)}:${r.included_in_RecID.trim()}`) ?? null : null,
        excludedTaxonConceptIds: excluded(kingdom, r.excluded_rec_ids, ids),
        annotation: { en: r.short_note_en || null, es: r.short_note_es || null, fr: r.short_note_fr || null, fullEn: r.full_note_en || null },
        hashSymbol: r.hash_note || null,
      });
    });
  }
  read(files('animals', 'CMS_legislation_utf8.csv')).forEach((r, i) => {
    const line = i + 2;
    const taxon = ids.get(`A:${up(r.rank)}:${r.rec_id.trim()}`);
    const appendix = r.listing.trim();
    if (!taxon || !appendix) { rejects.push(`CMS_legislation_utf8.csv:${line}`); return; }
    // Agreements and MOUs are instrument coverage, not CMS appendices.
    if (appendix !== 'I' && appendix !== 'II') { instruments.push({ taxonConceptId: taxon, instrument: appendix, since: legacyDate(r.effective_from) }); return; }
    changes.push({
      id: `M${line}`, taxonConceptId: taxon, convention: 'CMS', appendix, changeType: 'ADDITION',
      effectiveAt: legacyDate(r.effective_from), isCurrent: r.is_current === '1',
      populationsIncluded: isoList(r.populations_iso2), populationsExcluded: isoList(r.EXCLUDEDpopulations_iso),
      annotation: r.LegNotes?.trim() ? { en: r.LegNotes.trim() } : null,
    });
  });
  return { tree, changes, byName, rejects, instruments };
}

/** 'SPECIES:98436' / 'Subspecies: 5323, Species: 18369' -> node ids. */
function excluded(kingdom: string, s: string | undefined, ids: Map<string, number>): number[] {
  const out: number[] = [];
  for (const m of (s ?? '').matchAll(/([A-Za-z]+)\s*:\s*(\d+)/g)) {
    const id = ids.get(`${kingdom}:${up(m[1])}:${m[2]}`);
    if (id) out.push(id);
  }
  return out;
}
