// Reads the 2017 CITES Checklist export straight into the listing engine's
// types: one undated current ADDITION per "Appendix X:" segment of a row's
// annotations (never from CurrentListing, which is what the engine must
// reproduce), an EXCEPTION for rows with no segment (the Checklist names the
// taxon but does not list it itself), and a tree from the Kingdom..Genus
// columns with the missing higher taxa made up.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { checklist2017 } from '../support/data.js';
import type { ListingChange, TaxonNode } from '../../src/listings/index.js';

export interface ChecklistRow { taxonId: number; name: string; rank: string; currentListing: string; nodeId: number }
export interface ChecklistData { tree: TaxonNode[]; changes: ListingChange[]; rows: ChecklistRow[] }

const SEGMENT = /Appendix (I{1,3}):([\s\S]*?)(?=\nAppendix I{1,3}:|$)/g;

/** 'Appendix I:Populations of BT ... \nAppendix II:All ...' -> { I: '...', II: '...' } */
export function segments(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (text ?? '').matchAll(SEGMENT)) out.set(m[1], m[2].trim());
  return out;
}

/** "Only the population of MX; no other population is included" -> ['MX']. */
function onlyPopulations(segment: string): string[] {
  if (!/\bonly\b|no other pop/i.test(segment)) return [];
  return [...segment.matchAll(/\b([A-Z]{2})\b/g)].map((m) => m[1]);
}

export function loadChecklist(file = checklist2017): ChecklistData {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const records = parse(text, { columns: true, bom: true }) as Record<string, string>[];
  const tree: TaxonNode[] = [];
  const byKey = new Map<string, number>(); // 'GENUS|Felis' -> node id
  let nextId = 1;
  const node = (rank: string, name: string, parentId: number | null): number => {
    const key = `${rank}|${name}`;
    const hit = byKey.get(key);
    if (hit) return hit;
    const id = nextId++;
    byKey.set(key, id);
    tree.push({ id, name, rank, parentId });
    return id;
  };
  // Rows first, so a row's own node wins over a made-up one of the same name.
  const rowIds = records.map((r) => node(r.RankName, r.FullName.trim(), null));
  const chain = (r: Record<string, string>, upTo: number): number | null => {
    const levels: [string, string][] = [['KINGDOM', r.Kingdom], ['PHYLUM', r.Phylum], ['CLASS', r.Class], ['ORDER', r.Order], ['FAMILY', r.Family], ['GENUS', r.Genus]];
    let parent: number | null = null;
    for (const [rank, name] of levels.slice(0, upTo)) if (name?.trim()) parent = node(rank, name.trim(), parent);
    return parent;
  };
  const depth: Record<string, number> = { KINGDOM: 0, PHYLUM: 1, CLASS: 2, ORDER: 3, FAMILY: 4, SUBFAMILY: 5, GENUS: 5, SPECIES: 6 };
  const changes: ListingChange[] = [];
  const rows: ChecklistRow[] = [];
  records.forEach((r, i) => {
    const id = rowIds[i];
    const rank = r.RankName;
    const n = tree[id - 1];
    n.parentId = rank === 'SUBSPECIES' || rank === 'VARIETY'
      ? node('SPECIES', `${r.Genus} ${r.Species}`, chain(r, 6))
      : chain(r, depth[rank] ?? 6);
    if (n.parentId === id) n.parentId = null;
    rows.push({ taxonId: Number(r.TaxonId), name: n.name, rank, currentListing: r.CurrentListing, nodeId: id });
    const en = segments(r.AnnotationEnglish), es = segments(r.AnnotationSpanish), fr = segments(r.AnnotationFrench);
    const hash = segments(r['#Annotation']);
    const appendices = [...new Set([...en.keys(), ...es.keys(), ...fr.keys()])];
    if (!appendices.length) {
      changes.push({ id: `${r.TaxonId}-X`, taxonConceptId: id, convention: 'CITES', appendix: '', changeType: 'EXCEPTION', effectiveAt: null, isCurrent: true });
    }
    for (const a of appendices) {
      changes.push({
        id: `${r.TaxonId}-${a}`, taxonConceptId: id, convention: 'CITES', appendix: a, changeType: 'ADDITION',
        effectiveAt: null, isCurrent: true, populationsIncluded: onlyPopulations(en.get(a) ?? ''),
        annotation: { en: en.get(a) || null, es: es.get(a) || null, fr: fr.get(a) || null },
        hashSymbol: hash.get(a) ? r['#AnnotationSymbol'] || null : null, hashAnnotation: hash.get(a) || null,
      });
    }
  });
  return { tree, changes, rows };
}
