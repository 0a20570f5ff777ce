// Parser of the CMS-CITES Joint Work Programme document (UNEP/CMS/StC52/Doc.17)
// as extracted to plain text: Annex 1 (2015-2020 activities beside their
// reported results, a two-column table flattened into text) and Annex 2 (the
// 2021-2025 programme: themes, activities, shared species of particular
// attention). Pure: text in, plain data and notes out. What it cannot place
// becomes a note with its line, never a guess.
import { nameKey } from '../taxonomy/keys.js';

export interface ParsedTheme { code: string; title: string; description: string | null; line: number }
export interface ParsedActivity {
  code: string; themeCode: string; heading: string | null; text: string; line: number;
  mandates: string[]; groupSlugs: string[];
}
export interface ParsedResult {
  /** The activities whose table row the result sits in (first = where it is filed). */
  activityCodes: string[]; text: string; line: number; documents: string[];
}
export interface ParsedFunding { activityCode: string; amount: number; currency: string; year: number; donor: string; purpose: string; line: number }
export interface ParsedGroupTaxon { name: string; nameKey: string; commonName: string | null }
export interface ParsedSpeciesGroup { slug: string; name: string; description: string; taxa: ParsedGroupTaxon[]; line: number; position: number }
export interface ParsedProgramme {
  code: string; title: string; periodStart: number; periodEnd: number; status: 'active' | 'closed';
  introduction: string | null;
  themes: ParsedTheme[]; activities: ParsedActivity[]; results: ParsedResult[];
  funding: ParsedFunding[]; speciesGroups: ParsedSpeciesGroup[];
}
export interface ParseNote { line: number; text: string }
export interface ParsedDocument { programmes: ParsedProgramme[]; notes: ParseNote[] }

interface Para { line: number; text: string }

// Page furniture repeated on every page, and hyperlink footers.
const NOISE = [
  /^\s*UNEP\/CMS\/StC52\/Doc\.17(\/Annex \d)?\s*$/,
  /^\s*\d{1,3}\s*$/,
  /^\s*https?:\/\/\S+\s*$/,
  /^\s*Description of (envisaged )?joint activities( Results)?\s*$/,
];
const CODE = /^([A-E])(\d{1,2})\.?\s+(\S.*)$/;
const THEME = /^([A-E])\.\s+([A-Z].*)$/;
const ANNEX = /^ANNEX ([12])$/;
const TERMINATED = /[.;:!?\]]$/;
/** A description or result is still open unless it ends a sentence (a ':' or ';' introduces or continues a list). */
const CLOSED = /[.!?\]]$/;

/** Split the text into paragraphs: blank lines, page starts, bullets, codes and headings begin a new one. */
export function paragraphs(lines: string[]): Para[] {
  const out: Para[] = [];
  let cur: Para | null = null;
  const flush = () => { if (cur) out.push({ line: cur.line, text: cur.text.replace(/\s+/g, ' ').trim() }); cur = null; };
  lines.forEach((raw, i) => {
    if (!raw.trim() || NOISE.some((re) => re.test(raw))) { flush(); return; }
    const t = raw.trim();
    const pageStart = /^ \S/.test(raw);
    if (pageStart || /^[•–-]\s/.test(t) || CODE.test(t) || THEME.test(t) || ANNEX.test(t)) flush();
    if (!cur) cur = { line: i + 1, text: t };
    // 'capacity-' + 'building', 'African-' + 'Eurasian': a hyphen ending a word joins without a space.
    else cur.text += (/[A-Za-z]-$/.test(cur.text) ? '' : ' ') + t;
  });
  flush();
  return out;
}

const startsLower = (s: string) => /^[a-z(]/.test(s);
const isBullet = (s: string) => /^[•–-]\s/.test(s);
const words = (s: string) => s.split(/\s+/).length;

/** A short untermined line followed by an activity code is a sub-heading ('Saiga antelope'). */
function isHeading(paras: Para[], i: number): boolean {
  const p = paras[i].text;
  const next = paras[i + 1]?.text ?? '';
  return words(p) <= 10 && !TERMINATED.test(p) && !startsLower(p) && !isBullet(p) && CODE.test(next);
}

export function parseSeedDocument(text: string): ParsedDocument {
  const lines = text.split(/\r?\n/);
  const paras = paragraphs(lines);
  const notes: ParseNote[] = [];
  const a1 = paras.findIndex((p) => p.text === 'ANNEX 1');
  const a2 = paras.findIndex((p) => p.text === 'ANNEX 2');
  const programmes: ParsedProgramme[] = [];
  if (a1 < 0) notes.push({ line: 1, text: "no 'ANNEX 1' heading: the 2015-2020 results were not read" });
  else programmes.push(parseAnnex1(paras.slice(a1 + 1, a2 > a1 ? a2 : paras.length), notes));
  if (a2 < 0) notes.push({ line: 1, text: "no 'ANNEX 2' heading: the 2021-2025 programme was not read" });
  else programmes.push(parseAnnex2(paras.slice(a2 + 1), notes));
  return { programmes, notes };
}

function programmeTitle(paras: Para[], notes: ParseNote[]): { title: string; start: number; end: number; index: number } | null {
  const index = paras.findIndex((p) => /JOINT WORK PROGRAMME \d{4}\s*[-–]\s*\d{4}/i.test(p.text));
  if (index < 0) { notes.push({ line: paras[0]?.line ?? 1, text: 'no programme title with a period (JOINT WORK PROGRAMME YYYY-YYYY)' }); return null; }
  const m = /(\d{4})\s*[-–]\s*(\d{4})/.exec(paras[index].text)!;
  return { title: titleCase(paras[index].text), start: Number(m[1]), end: Number(m[2]), index };
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|\s|-)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase())
    .replace(/\bCms\b/g, 'CMS').replace(/\bCites\b/g, 'CITES').replace(/\b(Of|The|And)\b/g, (w) => w.toLowerCase()).replace(/^\w/, (c) => c.toUpperCase());
}

function emptyProgramme(t: { title: string; start: number; end: number }, status: 'active' | 'closed'): ParsedProgramme {
  return { code: `${t.start}-${t.end}`, title: t.title, periodStart: t.start, periodEnd: t.end, status, introduction: null, themes: [], activities: [], results: [], funding: [], speciesGroups: [] };
}

/** Annex 1: each table row group = a sub-heading, its activities, and results shared by them. */
function parseAnnex1(paras: Para[], notes: ParseNote[]): ParsedProgramme {
  const head = programmeTitle(paras, notes) ?? { title: 'Joint Work Programme 2015-2020', start: 2015, end: 2020, index: -1 };
  const prog = emptyProgramme(head, 'closed');
  let theme: ParsedTheme | null = null;
  let heading: string | null = null;
  let group: ParsedActivity[] = [];
  let groupResults: ParsedResult[] = [];
  let activity: ParsedActivity | null = null;
  let result: ParsedResult | null = null;
  const closeGroup = () => {
    for (const r of groupResults) r.activityCodes = group.map((a) => a.code);
    if (groupResults.length === 0 && group.length) notes.push({ line: group[0].line, text: `2015-2020 ${group.map((a) => a.code).join(', ')}: no reported result found beside ${group.length > 1 ? 'these activities' : 'this activity'}` });
    group = []; groupResults = []; activity = null; result = null;
  };
  for (let i = head.index + 1; i < paras.length; i++) {
    const p = paras[i];
    const themeMatch = THEME.exec(p.text);
    const code = CODE.exec(p.text);
    if (themeMatch && (!theme || themeMatch[1] > theme.code)) {
      closeGroup(); heading = null;
      theme = { code: themeMatch[1], title: themeMatch[2].trim(), description: null, line: p.line };
      prog.themes.push(theme);
    } else if (!theme) {
      notes.push({ line: p.line, text: `2015-2020: text before the first theme, not placed: '${p.text.slice(0, 60)}'` });
    } else if (code && code[1] === theme.code) {
      if (result || groupResults.length) closeGroup();
      activity = { code: `${code[1]}${code[2]}`, themeCode: theme.code, heading, text: code[3].trim(), line: p.line, mandates: [], groupSlugs: [] };
      prog.activities.push(activity);
      group.push(activity);
      result = null;
    } else if (isHeading(paras, i)) {
      closeGroup();
      heading = p.text;
    } else if ((startsLower(p.text) || isBullet(p.text)) && activity && !CLOSED.test(activity.text)) {
      activity.text += (isBullet(p.text) ? '\n' : ' ') + p.text;
    } else if (result && !CLOSED.test(result.text)) {
      result.text += ' ' + p.text;
    } else if (startsLower(p.text) && !result) {
      notes.push({ line: p.line, text: `2015-2020: a continuation with nothing open to continue, not placed: '${p.text.slice(0, 60)}'` });
    } else if (!activity) {
      notes.push({ line: p.line, text: `2015-2020 theme ${theme.code}: text before any activity, not placed: '${p.text.slice(0, 60)}'` });
    } else {
      result = { activityCodes: [], text: p.text, line: p.line, documents: [] };
      groupResults.push(result);
      prog.results.push(result);
    }
  }
  closeGroup();
  for (const r of prog.results) {
    r.documents = documentSymbols(r.text);
    const f = fundingIn(r.text);
    if (f) prog.funding.push({ ...f, activityCode: r.activityCodes[0], line: r.line });
    else if (/\b\d[\d,]*\s*(USD|EUR|CHF)\b|\b(USD|EUR|CHF)\s*\d/.test(r.text)) notes.push({ line: r.line, text: `2015-2020: an amount of money whose donor or purpose could not be read: '${r.text.slice(0, 80)}'` });
  }
  for (const a of prog.activities) a.mandates = mandatesIn(a.text);
  return prog;
}

/** Annex 2: introduction, five themes, activities under sub-headings, and the shared species. */
function parseAnnex2(paras: Para[], notes: ParseNote[]): ParsedProgramme {
  const head = programmeTitle(paras, notes) ?? { title: 'Joint Work Programme 2021-2025', start: 2021, end: 2025, index: -1 };
  const prog = emptyProgramme(head, 'active');
  const intro: string[] = [];
  const themeDescriptions = new Map<string, string[]>();
  let theme: ParsedTheme | null = null;
  let heading: string | null = null;
  let activity: ParsedActivity | null = null;
  let inSpeciesList = false;
  for (let i = head.index + 1; i < paras.length; i++) {
    const p = paras[i];
    const themeMatch = THEME.exec(p.text);
    const code = CODE.exec(p.text);
    if (themeMatch) {
      const existing = prog.themes.find((t) => t.code === themeMatch[1]);
      theme = existing ?? { code: themeMatch[1], title: themeMatch[2].trim(), description: null, line: p.line };
      if (!existing) prog.themes.push(theme);
      heading = null; activity = null; inSpeciesList = false;
    } else if (!theme) {
      if (p.text !== 'Introduction') intro.push(p.text);
    } else if (code && code[1] === theme.code) {
      activity = { code: `${code[1]}${code[2]}`, themeCode: theme.code, heading, text: code[3].trim(), line: p.line, mandates: [], groupSlugs: [] };
      prog.activities.push(activity);
      inSpeciesList = false;
    } else if (isHeading(paras, i)) {
      heading = p.text;
    } else if (activity && !CLOSED.test(activity.text) && (startsLower(p.text) || isBullet(p.text))) {
      activity.text += (isBullet(p.text) ? '\n' : ' ') + p.text;
    } else if (activity && isBullet(activity.text.split('\n').at(-1) ?? '') && startsLower(p.text)) {
      activity.text += ' ' + p.text;
    } else if (!activity && /^Shared species of particular attention/i.test(p.text)) {
      inSpeciesList = true;
    } else if (!activity && inSpeciesList && isBullet(p.text)) {
      const g = speciesGroupFrom(p, prog.speciesGroups.length);
      if (g) prog.speciesGroups.push(g);
      else notes.push({ line: p.line, text: `2021-2025: shared species entry without a scientific name in parentheses, not placed: '${p.text.slice(0, 60)}'` });
    } else if (!activity) {
      inSpeciesList = false;
      themeDescriptions.set(theme.code, [...(themeDescriptions.get(theme.code) ?? []), p.text]);
    } else {
      notes.push({ line: p.line, text: `2021-2025 after ${activity.code}: text not placed: '${p.text.slice(0, 60)}'` });
    }
  }
  prog.introduction = intro.join('\n\n') || null;
  for (const t of prog.themes) t.description = themeDescriptions.get(t.code)?.join('\n\n') ?? null;
  for (const a of prog.activities) {
    a.mandates = mandatesIn(a.text);
    a.groupSlugs = groupsFor(a, prog.speciesGroups);
    if (a.themeCode === 'B' && a.heading && a.groupSlugs.length === 0) notes.push({ line: a.line, text: `2021-2025 ${a.code}: heading '${a.heading}' names no shared species group; activity left without a group` });
  }
  checkSequence(prog, notes);
  return prog;
}

/** Activity codes run 1..n within each theme; a gap means something was not read. */
function checkSequence(prog: ParsedProgramme, notes: ParseNote[]) {
  for (const t of prog.themes) {
    const nums = prog.activities.filter((a) => a.themeCode === t.code).map((a) => Number(a.code.slice(1)));
    nums.forEach((n, i) => {
      const expected = i === 0 ? 1 : nums[i - 1] + 1;
      if (n !== expected) notes.push({ line: t.line, text: `${prog.code} theme ${t.code}: expected activity ${t.code}${expected}, found ${t.code}${n}` });
    });
  }
}

/** '• Big cats [snow leopard (Uncia uncia), lion (Panthera leo), ...]' → group with its taxa. */
function speciesGroupFrom(p: Para, position: number): ParsedSpeciesGroup | null {
  const body = p.text.replace(/^[•–-]\s*/, '');
  const name = body.split(/\s*[([]/)[0].trim();
  const taxa: ParsedGroupTaxon[] = [];
  const bracketAt = body.indexOf('[');
  for (const m of body.matchAll(/(?:([A-Za-zÀ-ÿ’'-]+(?: [A-Za-zÀ-ÿ’'-]+)?) )?\(([^()]+)\)/g)) {
    const inside = m[2].trim();
    // Inside '[...]' each name follows its own common name; outside, the words before are the group's name.
    const inBracket = bracketAt >= 0 && (m.index ?? 0) > bracketAt;
    const common = inBracket && m[1] ? m[1].replace(/^(and|on|with)\s+/, '') : null;
    for (const part of inside.split(/\s*(?:,| and )\s*/)) {
      const sci = part.replace(/\s+spp\.?$/, '').trim();
      if (!/^[A-Z][a-z]+( [a-z]+)?$/.test(sci)) continue;
      taxa.push({ name: sci, nameKey: nameKey(sci), commonName: common });
    }
  }
  if (!taxa.length) return null;
  return { slug: slugify(name), name, description: body, taxa, line: p.line, position };
}

export function slugify(s: string): string {
  return nameKey(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Sub-heading → group by a shared word ('Elephants' ~ 'African and Asian elephant'); B1 covers all. */
function groupsFor(a: ParsedActivity, groups: ParsedSpeciesGroup[]): string[] {
  if (a.themeCode !== 'B') return [];
  if (/shared species of particular attention/i.test(a.text)) return groups.map((g) => g.slug);
  if (!a.heading) return [];
  const stems = (s: string) => new Set(nameKey(s).split(/[^a-z]+/).filter((w) => w.length >= 4).map((w) => w.replace(/s$/, '')));
  const h = stems(a.heading);
  // Only words that name one group tell them apart ('african' names two).
  const count = new Map<string, number>();
  for (const g of groups) for (const w of stems(g.name)) count.set(w, (count.get(w) ?? 0) + 1);
  return groups.filter((g) => [...stems(g.name)].some((w) => count.get(w) === 1 && h.has(w))).map((g) => g.slug);
}

/** Resolutions and Decisions cited in a text ('CITES Resolution Conf. 13.3', 'CMS/Decision 13.70'). */
export function mandatesIn(text: string): string[] {
  const out = new Set<string>();
  const re = /\b(?:(CITES|CMS)\s+)?(CMS\/)?(Resolution|Decision)s?\s+(Conf\.\s*)?(\d+\.\d+)(\s*\((?:Rev\.\s*)?[A-Za-z]+\d+\))?/g;
  for (const m of text.matchAll(re)) {
    const conv = m[1] ?? (m[2] ? 'CMS' : m[4] ? 'CITES' : null);
    if (!conv) continue;
    out.add(`${conv} ${m[3]}${m[4] ? ' Conf.' : ''} ${m[5]}${m[6] ? m[6].replace(/\s+/g, ' ') : ''}`);
  }
  return [...out];
}

/** Meeting-document symbols cited in a result ('UNEP/CMS/StC52/Doc.14'). */
export function documentSymbols(text: string): string[] {
  return [...new Set([...text.matchAll(/UNEP\/CMS\/[A-Za-z0-9.]+(?:\/[A-Za-z0-9.]+)*/g)].map((m) => m[0].replace(/\.$/, '')))];
}

/** 'Funding (20,000 USD) was jointly raised in 2020 from the Law Division of UNEP for the development of ...'. */
export function fundingIn(text: string): Omit<ParsedFunding, 'activityCode' | 'line'> | null {
  const m = /Funding \(([\d,.]+)\s*([A-Z]{3})\) was (?:jointly )?raised in (\d{4}) from (?:the )?(.+?) for (?:the )?(.+?)\./.exec(text);
  if (!m) return null;
  return { amount: Number(m[1].replace(/,/g, '')), currency: m[2], year: Number(m[3]), donor: m[4].trim(), purpose: m[5].trim() };
}
