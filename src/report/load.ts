// Loads the implementation report of one programme from the database.
import type { Database } from '../db/client.js';
import * as repo from '../programme/repository.js';
import type { ImplementationReport } from './model.js';

export async function loadImplementationReport(database: Database, code: string, now = new Date()): Promise<ImplementationReport | null> {
  const db = database.db;
  const p = await repo.programmeByCode(db, code);
  if (!p) return null;
  const [themes, acts, funding] = await Promise.all([repo.themesOf(db, p.id), repo.activitiesOf(db, p.id), repo.fundingOf(db, p.id)]);
  const progress = await repo.progressOf(db, acts.map((a) => a.id));
  return {
    programme: { code: p.code, title: p.title, periodStart: p.periodStart, periodEnd: p.periodEnd, status: p.status },
    generatedAt: now.toISOString(),
    themes: themes.map((t) => ({
      code: t.code, title: t.title,
      rows: acts.filter((a) => a.themeId === t.id).map((a) => ({
        code: a.code, heading: a.heading, text: a.text, status: a.status, leadSecretariats: a.leadSecretariats, updatedAt: a.updatedAt.toISOString(),
        results: (progress.get(a.id) ?? []).slice().sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id)
          .map((e) => ({ date: e.date, status: e.status, text: e.text, author: e.authorName, sharedFrom: e.sharedFrom })),
      })),
    })),
    funding: funding.map(({ f, code: activityCode }) => ({ activityCode, amount: Number(f.amount), currency: f.currency, donor: f.donor, purpose: f.purpose, year: f.year })),
  };
}
