// Status of a taxon in both conventions, now or on a date, as the detail and
// the status routes give it. Now: the joined status (src/listings/current.ts):
// the concept's own stored status for its own convention, its counterpart's
// for the other. On a date: the listing engine (statusOfConcept) over the same
// concepts, so on today it gives the stored answer.
import type { Database } from '../db/client.js';
import type { TaxonDetailRow } from '../db/repositories/taxa.js';
import { statusOfConcept } from '../listings/recompute.js';
import { notYetInForce, type Convention, type Reason } from '../listings/index.js';
import { joinedFields, statusView, type JoinedFields, type StatusView, type StoredStatus } from '../listings/current.js';

export interface ConventionStatusView extends StatusView {
  basis: 'listing-engine' | 'source-current-listings' | 'listing-history';
}

type DetailStatusRow = Pick<TaxonDetailRow, 'id' | 'taxonomy_id' | 'listings' | 'counterpart_listings'> & Parameters<typeof joinedFields>[0];

function storedOf(list: TaxonDetailRow['listings'], convention: Convention): StoredStatus | null {
  const row = list.find((l) => l.convention === convention);
  return row ? { listing: row.listing, appendices: row.appendices, reasons: row.reasons as Reason[] } : null;
}

/** The current status of a detail row in one convention. */
export function currentStatus(r: DetailStatusRow, convention: Convention): ConventionStatusView {
  const joined = joinedFields(r);
  const stored = r.taxonomy_id === convention ? storedOf(r.listings, convention) : storedOf(r.counterpart_listings ?? [], convention);
  return { ...statusView(convention, joined, stored), basis: 'listing-engine' };
}

/**
 * Status on a date from the listing engine, for the concept each convention's
 * status comes from (the taxon's own, or its counterpart today): before a
 * convention entered into force, "not yet in force".
 */
export async function taxonStatusOn(database: Database, r: DetailStatusRow, on: string): Promise<Record<Convention, ConventionStatusView>> {
  const joined: JoinedFields = joinedFields(r);
  const view = async (c: Convention): Promise<ConventionStatusView> => {
    const before = notYetInForce(c, on);
    const concept = c === 'CITES' ? joined.cites_concept : joined.cms_concept;
    if (before) return { listed: false, listing: null, appendices: [], reasons: before.reasons, concept, basis: 'listing-engine' };
    if (!concept) return { ...statusView(c, joined, null), basis: 'listing-engine' };
    const s = (await statusOfConcept(database.db, concept.id, on))?.[c];
    const stored: StoredStatus = { listing: s?.listing ?? null, appendices: s?.appendices ?? [], reasons: s?.reasons ?? [] };
    const listing = concept.relation === 'included_in' && concept.id !== r.id ? (stored.appendices.join('/') || null) : stored.listing;
    const dated: JoinedFields = { ...joined, [c === 'CITES' ? 'cites_listing' : 'cms_listing']: listing };
    return { ...statusView(c, dated, stored), basis: 'listing-engine' };
  };
  return { CITES: await view('CITES'), CMS: await view('CMS') };
}
