// The CMS-CITES Joint Work Programme document (UNEP/CMS/StC52/Doc.17 as text):
// Annex 1 → programme 2015-2020 with its reported results, Annex 2 →
// programme 2021-2025 with themes, activities and shared-species groups.
// Re-import is idempotent; activities a Secretariat has edited keep their edits.
import fs from 'node:fs';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  programmes, programmeThemes, activities, speciesGroups, speciesGroupTaxa, activitySpeciesGroups,
  progressEntries, progressLinks, fundingRecords,
} from '../../db/schema-programme.js';
import { parseSeedDocument, type ParsedProgramme, type ParsedSpeciesGroup } from '../../programme/seedDocument.js';
import { ImportRefused } from '../errors.js';
import type { ImportContext, Importer } from '../run.js';

export const DOCUMENT_SYMBOL = 'UNEP/CMS/StC52/Doc.17';

export const importer: Importer = {
  format: 'work-programme',
  description: 'CMS-CITES Joint Work Programme document as text (Annex 1: 2015-2020 results, Annex 2: 2021-2025 programme)',
  seed: [{ order: 100, path: '../seed/000_dc60ed6c43dd1e9c.txt' }],
  async run(ctx) {
    let text: string;
    try { text = fs.readFileSync(ctx.file, 'utf8'); } catch (e) { throw new ImportRefused(ctx.fileName, null, null, `a readable text file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`); }
    if (!text.trim()) throw new ImportRefused(ctx.fileName, null, null, 'the work programme document; the file is empty');
    if (text.includes('\uFFFD')) throw new ImportRefused(ctx.fileName, lineOf(text, text.indexOf('\uFFFD')), null, 'UTF-8 text; found bytes that are not UTF-8');
    const doc = parseSeedDocument(text);
    if (!doc.programmes.some((p) => p.activities.length)) {
      throw new ImportRefused(ctx.fileName, null, null, "the CMS-CITES Joint Work Programme layout ('ANNEX 1' / 'ANNEX 2' headings, activities coded A1, B15 ...); found no activity");
    }
    for (const n of doc.notes) ctx.note(`${ctx.fileName}:${n.line}: ${n.text}`);
    const groupIds = await upsertGroups(ctx, doc.programmes.flatMap((p) => p.speciesGroups));
    for (const p of doc.programmes) await upsertProgramme(ctx, p, groupIds);
  },
};

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

type Counted = 'accepted' | 'updated' | 'unchanged';
function count(ctx: ImportContext, what: Counted) { ctx.counts[what]++; }

async function upsertGroups(ctx: ImportContext, groups: ParsedSpeciesGroup[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const g of groups) {
    const [before] = await ctx.tx.select().from(speciesGroups).where(eq(speciesGroups.slug, g.slug));
    const row = { slug: g.slug, name: g.name, description: g.description, position: g.position, sourceLine: g.line };
    let id: number;
    if (!before) {
      [{ id }] = await ctx.tx.insert(speciesGroups).values(row).returning({ id: speciesGroups.id });
      count(ctx, 'accepted');
    } else {
      id = before.id;
      const same = before.name === row.name && before.description === row.description && before.position === row.position;
      if (!same) await ctx.tx.update(speciesGroups).set(row).where(eq(speciesGroups.id, id));
      count(ctx, same ? 'unchanged' : 'updated');
    }
    ids.set(g.slug, id);
    await ctx.tx.delete(speciesGroupTaxa).where(eq(speciesGroupTaxa.groupId, id));
    await ctx.tx.insert(speciesGroupTaxa).values(g.taxa.map((t) => ({ groupId: id, ...t })));
  }
  return ids;
}

async function upsertProgramme(ctx: ImportContext, p: ParsedProgramme, groupIds: Map<string, number>) {
  const tx = ctx.tx;
  const [before] = await tx.select().from(programmes).where(eq(programmes.code, p.code));
  const row = { code: p.code, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status, introduction: p.introduction };
  let programmeId: number;
  if (!before) {
    [{ id: programmeId }] = await tx.insert(programmes).values({ ...row, importRunId: ctx.runId }).returning({ id: programmes.id });
    count(ctx, 'accepted');
  } else {
    programmeId = before.id;
    // A programme a Secretariat has edited (version > 1) keeps its text.
    const same = before.version > 1 || (before.title === row.title && before.introduction === row.introduction && before.periodStart === row.periodStart && before.periodEnd === row.periodEnd);
    if (!same) await tx.update(programmes).set({ ...row, importRunId: ctx.runId, updatedAt: new Date() }).where(eq(programmes.id, programmeId));
    count(ctx, same ? 'unchanged' : 'updated');
  }
  const themeIds = new Map<string, number>();
  for (const [i, t] of p.themes.entries()) {
    const [existing] = await tx.select().from(programmeThemes).where(and(eq(programmeThemes.programmeId, programmeId), eq(programmeThemes.code, t.code)));
    const values = { programmeId, code: t.code, title: t.title, description: t.description, position: i };
    if (!existing) {
      const [{ id }] = await tx.insert(programmeThemes).values(values).returning({ id: programmeThemes.id });
      themeIds.set(t.code, id);
      count(ctx, 'accepted');
    } else {
      themeIds.set(t.code, existing.id);
      const same = existing.title === t.title && existing.description === t.description && existing.position === i;
      if (!same) await tx.update(programmeThemes).set(values).where(eq(programmeThemes.id, existing.id));
      count(ctx, same ? 'unchanged' : 'updated');
    }
  }
  const activityIds = await upsertActivities(ctx, p, programmeId, themeIds, groupIds);
  await syncResults(ctx, p, programmeId, activityIds);
}

async function upsertActivities(ctx: ImportContext, p: ParsedProgramme, programmeId: number, themeIds: Map<string, number>, groupIds: Map<string, number>) {
  const tx = ctx.tx;
  const existing = new Map((await tx.select().from(activities).where(eq(activities.programmeId, programmeId))).map((a) => [a.code, a]));
  const ids = new Map<string, number>();
  // Activities with a reported result were implemented; 2021-2025 ones start as planned.
  const reported = new Set(p.results.flatMap((r) => r.activityCodes));
  for (const [i, a] of p.activities.entries()) {
    const before = existing.get(a.code);
    const status = p.status === 'closed' ? (reported.has(a.code) ? 'completed' : 'planned') : 'planned';
    const values = { programmeId, themeId: themeIds.get(a.themeCode)!, code: a.code, heading: a.heading, text: a.text, mandates: a.mandates, position: i, sourceLine: a.line };
    let id: number;
    if (!before) {
      [{ id }] = await tx.insert(activities).values({ ...values, status, importRunId: ctx.runId }).returning({ id: activities.id });
      count(ctx, 'accepted');
    } else if (before.version > 1) {
      id = before.id; // edited by a Secretariat since: its edits win
      if (before.text !== a.text) ctx.note(`${ctx.fileName}:${a.line}: ${p.code} ${a.code} was edited in Concord (version ${before.version}); the document's text was not applied`);
      count(ctx, 'unchanged');
    } else {
      id = before.id;
      const same = before.text === a.text && before.heading === a.heading && before.position === i && before.themeId === values.themeId
        && JSON.stringify(before.mandates) === JSON.stringify(a.mandates) && before.sourceLine === a.line;
      if (!same) await tx.update(activities).set({ ...values, importRunId: ctx.runId, updatedAt: new Date() }).where(eq(activities.id, id));
      count(ctx, same ? 'unchanged' : 'updated');
    }
    ids.set(a.code, id);
    await tx.delete(activitySpeciesGroups).where(eq(activitySpeciesGroups.activityId, id));
    const links = a.groupSlugs.map((s) => groupIds.get(s)).filter((g): g is number => g != null);
    if (links.length) await tx.insert(activitySpeciesGroups).values(links.map((groupId) => ({ activityId: id, groupId })));
  }
  return ids;
}

/** Imported results are progress entries of origin 'import': kept when unchanged, replaced when the text changed. */
async function syncResults(ctx: ImportContext, p: ParsedProgramme, programmeId: number, activityIds: Map<string, number>) {
  const tx = ctx.tx;
  const ids = [...activityIds.values()];
  const old = ids.length
    ? await tx.select().from(progressEntries).where(and(inArray(progressEntries.activityId, ids), eq(progressEntries.origin, 'import')))
    : [];
  const oldByKey = new Map(old.map((e) => [`${e.activityId}\u0000${e.text}`, e]));
  const kept = new Set<number>();
  const date = `${p.periodEnd}-12-31`;
  for (const r of p.results) {
    const activityId = activityIds.get(r.activityCodes[0]);
    if (activityId == null) { ctx.note(`${ctx.fileName}:${r.line}: a result beside no activity, not placed`); continue; }
    const prior = oldByKey.get(`${activityId}\u0000${r.text}`);
    if (prior) { kept.add(prior.id); count(ctx, 'unchanged'); continue; }
    const [entry] = await tx.insert(progressEntries).values({
      activityId, date, authorName: `CMS and CITES Secretariats (${DOCUMENT_SYMBOL}, Annex 1)`, text: r.text, status: 'completed',
      origin: 'import', sourceLine: r.line, importRunId: ctx.runId,
      data: { dateBasis: 'end of the reporting period; the document gives no date per result', sharedWith: r.activityCodes.slice(1) },
    }).returning({ id: progressEntries.id });
    const links = [
      ...r.activityCodes.slice(1).map((c) => ({ progressEntryId: entry.id, kind: 'activity', targetId: activityIds.get(c) ?? null, label: c, url: null })),
      ...r.documents.map((d) => ({ progressEntryId: entry.id, kind: 'document', targetId: null, label: d, url: null })),
      { progressEntryId: entry.id, kind: 'document', targetId: null, label: DOCUMENT_SYMBOL, url: null },
    ];
    await tx.insert(progressLinks).values(links);
    count(ctx, 'accepted');
  }
  const stale = old.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (stale.length) {
    await tx.delete(progressEntries).where(inArray(progressEntries.id, stale));
    ctx.note(`${ctx.fileName}: ${stale.length} imported result(s) no longer in the document were removed from ${p.code}`);
  }
  await syncFunding(tx, ctx, p, programmeId, activityIds);
}

async function syncFunding(tx: Tx, ctx: ImportContext, p: ParsedProgramme, programmeId: number, activityIds: Map<string, number>) {
  const old = await tx.select().from(fundingRecords).where(eq(fundingRecords.programmeId, programmeId));
  for (const f of p.funding) {
    const activityId = activityIds.get(f.activityCode) ?? null;
    const same = old.find((o) => o.activityId === activityId && o.donor === f.donor && o.year === f.year && Number(o.amount) === f.amount && o.currency === f.currency);
    if (same) { count(ctx, 'unchanged'); continue; }
    await tx.insert(fundingRecords).values({ programmeId, activityId, amount: String(f.amount), currency: f.currency, donor: f.donor, purpose: f.purpose, year: f.year, sourceLine: f.line, importRunId: ctx.runId });
    count(ctx, 'accepted');
  }
}
