// CMS Parties and their entry-into-force dates from a CSV (iso2, entry_into_force).
// No published file exists: the CMS Secretariat keeps one, or edits dates in Concord.
import { and, eq } from 'drizzle-orm';
import { geoEntities, partyMemberships } from '../../db/schema.js';
import { readCsv } from '../csv.js';
import type { Importer } from '../run.js';

export const importer: Importer = {
  format: 'cms-parties',
  description: 'CMS Party memberships: CSV with iso2, entry_into_force (YYYY-MM-DD)',
  async run(ctx) {
    const geo = new Map((await ctx.tx.select().from(geoEntities)).map((g) => [g.iso2, g.id]));
    const existing = new Map((await ctx.tx.select().from(partyMemberships).where(eq(partyMemberships.convention, 'CMS'))).map((m) => [m.geoEntityId, m]));
    const seen = new Set<string>();
    for await (const { line, values: v } of readCsv(ctx.file, { required: ['iso2', 'entry_into_force'], onBytes: ctx.progress })) {
      const iso2 = v.iso2.trim().toUpperCase();
      const date = v.entry_into_force.trim();
      const geoId = geo.get(iso2);
      if (!/^[A-Z]{2}$/.test(iso2)) { ctx.reject(line, 'iso2', `a two-letter ISO code, got '${v.iso2}'`); continue; }
      if (geoId == null) { ctx.reject(line, 'iso2', `a known country or territory (import country-codes first); ${iso2} is unknown`); continue; }
      if (seen.has(iso2)) { ctx.reject(line, 'iso2', `one line per Party; ${iso2} appears twice`); continue; }
      if (!isCalendarDate(date)) { ctx.reject(line, 'entry_into_force', `a date as YYYY-MM-DD, got '${date}'`); continue; }
      seen.add(iso2);
      const before = existing.get(geoId);
      if (before?.entryIntoForce === date) { ctx.counts.unchanged++; continue; }
      const prov = { importRunId: ctx.runId, sourceFile: ctx.fileName, sourceLine: line };
      if (before) {
        await ctx.tx.update(partyMemberships).set({ entryIntoForce: date, ...prov }).where(and(eq(partyMemberships.geoEntityId, geoId), eq(partyMemberships.convention, 'CMS')));
        ctx.counts.updated++;
      } else {
        await ctx.tx.insert(partyMemberships).values({ geoEntityId: geoId, convention: 'CMS', entryIntoForce: date, ...prov });
        ctx.counts.accepted++;
      }
    }
  },
};

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
