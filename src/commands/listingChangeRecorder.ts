// Records a listing change by hand: a Secretariat closes the gap after the
// newest complete source (CITES after the 2017 Checklist, CMS after COP14).
// The change is curated (data.origin 'curated', no import run): no import
// owns it, so a later import of an older file never overwrites it. The
// status engine, the joined status and the links follow in the same
// transaction. Listing proposals adopted at a meeting come through here too.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { geoEntities, listingChanges, taxonConcepts } from '../db/schema.js';
import type { Actor } from '../auth/principal.js';
import { recordAudit } from './auditRecorder.js';
import { invalid, notFound } from './errors.js';
import { APPENDICES, ENTRY_INTO_FORCE, type Convention } from '../taxonomy/conventions.js';
import { CHANGE_TYPES, type ChangeType } from '../taxonomy/ranks.js';
import { isIsoDate, today } from '../taxonomy/dates.js';
import { derive } from '../ingest/derive.js';

export interface ListingChangeProps {
  actor: Actor;
  taxonConceptId: number;
  convention: Convention;
  appendix: string;
  changeType: ChangeType;
  /** The day it takes effect (YYYY-MM-DD), not before the convention entered into force. */
  effectiveAt: string;
  partyIso2?: string | null;
  populationsIncluded?: string[];
  populationsExcluded?: string[];
  annotation?: { en?: string | null; es?: string | null; fr?: string | null };
  /** Where it is decided: a document symbol or address ("CoP19 Prop. 37", "UNEP/CMS/COP14/Doc.31.4"). */
  sourceDocument: string;
  /** Extra data kept with the change (e.g. the listing proposal it comes from). */
  data?: Record<string, unknown>;
}

export async function recordListingChange(tx: Tx, p: ListingChangeProps) {
  const [concept] = await tx.select().from(taxonConcepts).where(eq(taxonConcepts.id, p.taxonConceptId));
  if (!concept || concept.deletedAt) throw notFound(`no taxon concept ${p.taxonConceptId}`);
  if (concept.nameStatus === 'S' || concept.nameStatus === 'T') throw invalid(`an accepted concept; ${concept.fullName} is a synonym: record the change on its accepted name`, 'taxonConceptId');
  if (concept.taxonomyId !== p.convention) throw invalid(`a ${p.convention} taxon concept for a ${p.convention} listing change; ${concept.fullName} (${p.taxonConceptId}) is in the ${concept.taxonomyId} taxonomy`, 'taxonConceptId');
  if (!APPENDICES[p.convention].includes(p.appendix)) throw invalid(`a ${p.convention} Appendix (${APPENDICES[p.convention].join(', ')}); CMS Agreements and MOUs are not appendices; got '${p.appendix}'`, 'appendix');
  if (!(CHANGE_TYPES as readonly string[]).includes(p.changeType)) throw invalid(`one of ${CHANGE_TYPES.join(', ')}, got '${p.changeType}'`, 'changeType');
  if (!isIsoDate(p.effectiveAt)) throw invalid(`a date as YYYY-MM-DD, got '${p.effectiveAt}'`, 'effectiveAt');
  if (p.effectiveAt < ENTRY_INTO_FORCE[p.convention]) throw invalid(`a date from ${ENTRY_INTO_FORCE[p.convention]}, when ${p.convention} entered into force; got ${p.effectiveAt}`, 'effectiveAt');
  const party = p.partyIso2?.trim().toUpperCase() || null;
  const needsParty = p.changeType === 'RESERVATION' || p.changeType === 'RESERVATION_WITHDRAWAL' || (p.appendix === 'III' && p.changeType === 'ADDITION');
  if (needsParty && !party) throw invalid(`the Party (ISO code) of ${p.changeType === 'ADDITION' ? 'an Appendix III listing' : 'a reservation'}`, 'partyIso2');
  const codes = [...(party ? [party] : []), ...(p.populationsIncluded ?? []), ...(p.populationsExcluded ?? [])].map((c) => c.trim().toUpperCase());
  const known = new Set((await tx.select({ iso2: geoEntities.iso2 }).from(geoEntities)).map((g) => g.iso2.trim()));
  const unknown = codes.find((c) => !known.has(c));
  if (unknown) throw invalid(`known ISO country codes; '${unknown}' is not one`, unknown === party ? 'party' : 'populations');
  const source = p.sourceDocument?.trim();
  if (!source) throw invalid('the document that decides the change (e.g. "CoP19 Prop. 37")', 'sourceDocument');
  const [row] = await tx.insert(listingChanges).values({
    taxonConceptId: concept.id, convention: p.convention, appendix: p.appendix, changeType: p.changeType, effectiveAt: p.effectiveAt,
    partyIso2: party, isCurrent: p.effectiveAt <= today(),
    populationsIncluded: (p.populationsIncluded ?? []).map((c) => c.toUpperCase()), populationsExcluded: (p.populationsExcluded ?? []).map((c) => c.toUpperCase()),
    annotationEn: p.annotation?.en?.trim() || null, annotationEs: p.annotation?.es?.trim() || null, annotationFr: p.annotation?.fr?.trim() || null,
    data: { ...(p.data ?? {}), origin: 'curated', recordedBy: p.actor.label, recordedAt: new Date().toISOString(), sourceDocument: source },
    sourceFile: null, sourceLine: null, importRunId: null,
  }).returning();
  await recordAudit(tx, { actor: p.actor, action: 'listingChange.record', resourceType: 'listingChange', resourceId: row.id, before: null, after: row });
  // Status, links and the joined status in the same transaction.
  await derive(tx, { conceptIds: [concept.id], namesChanged: false });
  return row;
}
