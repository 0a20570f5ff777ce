// Status of a taxon concept in both conventions, now or on a date.
// Now: the listing engine's stored result (taxon_listings) when it has run,
// else the source's own "current" listings. On a date: replayed from the
// concept's listing history (Species+ rule: the additions of one effective
// date replace the I/II listing before it; App III and reservations by Party).
import type { Database } from '../../db/client.js';
import { listingChangesFor, type ListingChangeRow, type TaxonDetailRow } from '../../db/repositories/taxa.js';

export interface ConventionStatusView {
  listed: boolean;
  listing: string | null;
  appendices: string[];
  reasons: { kind: string; text: string; [k: string]: unknown }[];
  basis: 'listing-engine' | 'source-current-listings' | 'listing-history';
}

const ORDER = ['I', 'II', 'III'];
const byAppendix = (a: string, b: string) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);
const START: Record<string, string> = { CITES: '1975-07-01', CMS: '1983-11-01' };

export function currentStatus(r: Pick<TaxonDetailRow, 'listings' | 'listing_changes'>, convention: 'CITES' | 'CMS'): ConventionStatusView {
  const stored = r.listings.find((l) => l.convention === convention);
  if (stored) {
    return {
      listed: stored.appendices.length > 0, listing: stored.listing, appendices: [...stored.appendices],
      reasons: (stored.reasons as ConventionStatusView['reasons']) ?? [], basis: 'listing-engine',
    };
  }
  const current = r.listing_changes.filter((l) => l.convention === convention && l.is_current && l.change_type === 'ADDITION');
  const appendices = [...new Set(current.map((l) => l.appendix))].sort(byAppendix);
  return {
    listed: appendices.length > 0,
    listing: appendices.length ? appendices.join('/') : null,
    appendices,
    reasons: current.map((l) => ({
      kind: l.appendix === 'III' && l.party_iso2 ? 'app3' : 'own', appendix: l.appendix, effectiveAt: l.effective_at,
      party: l.party_iso2 ?? undefined,
      text: `Listed in Appendix ${l.appendix}${l.party_iso2 ? ` by ${l.party_iso2}` : ''} since ${l.effective_at ?? 'the start of the convention'}${l.annotation_en ? `: ${l.annotation_en}` : ''}`,
    })),
    basis: 'source-current-listings',
  };
}

/** Replay a concept's own listing changes up to and including `on` (YYYY-MM-DD). */
export function statusOnDate(changes: ListingChangeRow[], convention: 'CITES' | 'CMS', on: string): ConventionStatusView {
  const log = changes
    .filter((c) => c.convention === convention && (c.effective_at ?? START[convention]) <= on)
    .sort((a, b) => (a.effective_at ?? '').localeCompare(b.effective_at ?? '') || a.id - b.id);
  let main = new Map<string, ListingChangeRow>(); // I / II (CMS agreements too)
  const app3 = new Map<string, ListingChangeRow>(); // by Party
  const reservations = new Map<string, ListingChangeRow>(); // appendix|Party
  let lastDate: string | null | undefined;
  for (const c of log) {
    const key = `${c.appendix}|${c.party_iso2 ?? ''}`;
    if (c.change_type === 'RESERVATION') { reservations.set(key, c); continue; }
    if (c.change_type === 'RESERVATION_WITHDRAWAL') { reservations.delete(key); continue; }
    if (c.appendix === 'III') {
      if (c.change_type === 'ADDITION') app3.set(c.party_iso2 ?? '', c);
      else if (c.change_type === 'DELETION') { if (c.party_iso2) app3.delete(c.party_iso2); else app3.clear(); }
      continue;
    }
    if (c.change_type === 'ADDITION') {
      if (c.effective_at !== lastDate) main = new Map(); // a new set of additions replaces the one before
      main.set(c.appendix, c);
      app3.clear(); // a listing in I or II ends the App III listings before it
      lastDate = c.effective_at;
    } else if (c.change_type === 'DELETION') main.delete(c.appendix);
  }
  const active = [...main.values(), ...app3.values()];
  const appendices = [...new Set(active.map((c) => c.appendix))].sort(byAppendix);
  const reasons: ConventionStatusView['reasons'] = active.map((c) => ({
    kind: c.appendix === 'III' ? 'app3' : 'own', appendix: c.appendix, effectiveAt: c.effective_at, party: c.party_iso2 ?? undefined,
    text: `Listed in Appendix ${c.appendix}${c.party_iso2 ? ` by ${c.party_iso2}` : ''} from ${c.effective_at ?? START[convention]}`,
  }));
  for (const r of reservations.values()) {
    if (appendices.includes(r.appendix)) reasons.push({ kind: 'reservation', appendix: r.appendix, party: r.party_iso2, effectiveAt: r.effective_at, text: `${r.party_iso2} holds a reservation on the Appendix ${r.appendix} listing since ${r.effective_at}` });
  }
  return { listed: appendices.length > 0, listing: appendices.length ? appendices.join('/') : null, appendices, reasons, basis: 'listing-history' };
}

export async function taxonStatusOn(database: Database, id: number, on: string) {
  const changes = await listingChangesFor(database, id);
  return { CITES: statusOnDate(changes, 'CITES', on), CMS: statusOnDate(changes, 'CMS', on) };
}
