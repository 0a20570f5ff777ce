// The periods a taxon was listed in each appendix by its own listing changes
// (one Party's App III listing is a period of its own), replayed with the
// listing engine's rules: an App I/II listing of the whole taxon ends the
// earlier one without a deletion, a snapshot stands from its day. The
// timeline draws these, so its bars say what the status engine says.
import type { Convention, ListingChange } from './types.js';
import { replayGroup } from './status.js';

export interface ListingPeriod { convention: Convention; appendix: string; party: string | null; from: string; to: string | null }

const keyOf = (c: ListingChange) => `${c.appendix}|${c.appendix === 'III' ? c.partyIso2 ?? '' : ''}`;

export function listingPeriods(changes: ListingChange[]): ListingPeriod[] {
  const out: ListingPeriod[] = [];
  for (const convention of ['CITES', 'CMS'] as const) {
    const events = changes.filter((c) => c.convention === convention);
    // Days on which something may change: dated changes, and each snapshot's day.
    const days = [...new Set(events.map((e) => e.effectiveAt ?? e.asOf ?? null).filter((d): d is string => d !== null))].sort();
    const open = new Map<string, ListingPeriod>();
    for (const day of days) {
      const inForce = new Map(replayGroup(events, day).listings.map((l) => [keyOf(l), l]));
      for (const [k, p] of open) if (!inForce.has(k)) { p.to = day; out.push(p); open.delete(k); }
      for (const [k, l] of inForce) {
        if (!open.has(k)) open.set(k, { convention, appendix: l.appendix, party: l.appendix === 'III' ? l.partyIso2 ?? null : null, from: day, to: null });
      }
    }
    out.push(...open.values());
  }
  return out.sort((a, b) => a.convention.localeCompare(b.convention) || a.from.localeCompare(b.from) || a.appendix.localeCompare(b.appendix));
}
