// Status of a taxon concept in both conventions, now or on a date.
// Now: the listing engine's stored result (taxon_listings) when it has run,
// else the source's own "current" listings. On a date: the listing engine
// (src/listings statusOn) over the concept, its ancestors and its subtree,
// with the same inputs as the recompute, so on today it gives the stored answer.
import type { Database } from '../../db/client.js';
import type { TaxonDetailRow } from '../../db/repositories/taxa.js';
import { statusOfConcept } from '../../listings/recompute.js';
import type { Convention } from '../../listings/index.js';

export interface ConventionStatusView {
  listed: boolean;
  listing: string | null;
  appendices: string[];
  reasons: { kind: string; text: string; [k: string]: unknown }[];
  basis: 'listing-engine' | 'source-current-listings' | 'listing-history';
}

const ORDER = ['I', 'II', 'III'];
const byAppendix = (a: string, b: string) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

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

/**
 * Status on a date from the listing engine (statusOfConcept: the concept with
 * its ancestors and subtree, as the stored recompute sees it): ancestors give
 * inherited listings, descendants a higher taxon's summary ("I/II" for a genus
 * whose species differ).
 */
export async function taxonStatusOn(database: Database, id: number, on: string): Promise<Record<Convention, ConventionStatusView>> {
  const result = await statusOfConcept(database.db, id, on);
  const view = (c: Convention): ConventionStatusView => {
    const s = result?.[c];
    return { listed: Boolean(s?.appendices.length), listing: s?.listing ?? null, appendices: s?.appendices ?? [], reasons: (s?.reasons ?? []) as ConventionStatusView['reasons'], basis: 'listing-engine' };
  };
  return { CITES: view('CITES'), CMS: view('CMS') };
}
