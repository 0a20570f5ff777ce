// A person's decision on a cross-convention concept link: the one
// implementation of curation. Two ways in: a decision on one link of the
// review queue (confirm, reject or replace; the row is edited in place, so
// its id stays), and a decision on a CMS concept's counterpart (by concept).
// Either makes the link origin 'curated' with the decision and the previous
// values in evidence.curation, and records the audit event, in the caller's
// transaction. Curated links are never overwritten by imports or automatic
// alignment (src/alignment/store.ts): a CMS concept with a curated link is
// left alone by realign, and the read queries show only its curated links.
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { conceptLinks, taxonConcepts } from '../db/schema.js';
import type { Actor } from '../auth/principal.js';
import { RELATIONS, type CurationDecision } from '../programme/domain.js';
import { recordAudit } from './auditRecorder.js';
import { recomputeJoinedStatus } from '../listings/joinedStore.js';
import { invalid, notFound } from './errors.js';

type Relation = (typeof RELATIONS)[number];
type LinkRow = typeof conceptLinks.$inferSelect;

export interface LinkCurationProps {
  actor: Actor;
  linkId: number;
  decision: CurationDecision;
  comment: string;
  /** For 'replace': the new CITES counterpart (null = none) and relation. */
  citesTaxonConceptId?: number | null;
  relation?: string;
}

export interface ConceptCurationProps {
  actor: Actor;
  cmsId: number;
  /** null: the CMS concept has no CITES counterpart (relation 'disjunct'). */
  citesId: number | null;
  relation: Relation;
  comment: string;
}

/**
 * A decision on one link of the review queue. Reject means 'not this
 * counterpart': the link becomes 'no counterpart' (disjunct, kept so a
 * re-alignment does not bring the pair back), or, when the CMS concept keeps
 * other curated counterparts, it is removed (they already keep realign away).
 */
export async function curateLink(tx: Tx, props: LinkCurationProps): Promise<CuratedLink> {
  const comment = required(props.comment);
  const [found] = await tx.select({ cmsId: conceptLinks.cmsTaxonConceptId }).from(conceptLinks).where(eq(conceptLinks.id, props.linkId));
  const links = found ? await lockConcept(tx, found.cmsId) : [];
  const before = links.find((l) => l.id === props.linkId);
  if (!before) throw notFound(`no concept link ${props.linkId}`);
  const base = { actor: props.actor, decision: props.decision, comment, cmsId: before.cmsTaxonConceptId, row: before, links, scope: 'link' as const };
  if (props.decision === 'confirm') {
    return record(tx, { ...base, citesId: before.citesTaxonConceptId, relation: before.relation as Relation, basis: before.basis, evidence: before.evidence });
  }
  if (props.decision === 'reject') {
    if (links.some((l) => l.id !== before.id && l.origin === 'curated' && l.citesTaxonConceptId !== null)) return removeRejected(tx, base);
    return record(tx, { ...base, citesId: null, relation: 'disjunct', basis: 'curated' });
  }
  const citesId = props.citesTaxonConceptId;
  if (citesId === undefined) throw invalid('the replacing CITES taxon concept id (or null for none)', 'citesTaxonConceptId');
  const relation = checkRelation(props.relation ?? (citesId === null ? 'disjunct' : 'equal'), citesId, { relation: 'relation', cites: 'citesTaxonConceptId' });
  if (citesId !== null) await expectConcept(tx, citesId, 'CITES', 'citesTaxonConceptId');
  return record(tx, { ...base, citesId, relation, basis: 'curated' });
}

/** A decision on a CMS concept's counterpart as a whole: its automatic links go; the row of the same pair, if any, is reused. */
export async function curateConcept(tx: Tx, props: ConceptCurationProps): Promise<CuratedLink> {
  const relation = checkRelation(props.relation, props.citesId, { relation: 'relation', cites: 'citesId' });
  await expectConcept(tx, props.cmsId, 'CMS', 'cmsId');
  if (props.citesId !== null) await expectConcept(tx, props.citesId, 'CITES', 'citesId');
  const comment = required(props.comment);
  const links = await lockConcept(tx, props.cmsId);
  const row = links.find((l) => l.citesTaxonConceptId === props.citesId) ?? null;
  return record(tx, { actor: props.actor, decision: 'replace', comment, cmsId: props.cmsId, row, links, scope: 'concept', citesId: props.citesId, relation, basis: 'curated' });
}

/** The stored link after the decision; `removed` when a rejected link was deleted instead (its row as it was, with the decision). */
export type CuratedLink = LinkRow & { removed?: true };

/** Every link of the CMS concept, locked in id order (two curators of one concept wait for each other instead of deadlocking). */
async function lockConcept(tx: Tx, cmsId: number): Promise<LinkRow[]> {
  return tx.select().from(conceptLinks).where(eq(conceptLinks.cmsTaxonConceptId, cmsId)).orderBy(conceptLinks.id).for('update');
}

interface Target { citesId: number | null; relation: Relation; basis: string; evidence?: Record<string, unknown> | null }

interface Curation extends Target {
  actor: Actor;
  decision: CurationDecision;
  comment: string;
  cmsId: number;
  /** The link the decision is about (updated in place), or null (a new row). */
  row: LinkRow | null;
  /** All links of the CMS concept, locked. */
  links: LinkRow[];
  /** 'link': the concept's other automatic links waiting for review stay in the queue (e.g. the other half of a split); 'concept': they all go. */
  scope: 'link' | 'concept';
}

/** Write the curated link, drop the links it supersedes, audit. */
async function record(tx: Tx, c: Curation): Promise<CuratedLink> {
  const gone = c.links.filter((s) => s.id !== c.row?.id && supersedes(c, s));
  const previous = c.row && { citesTaxonConceptId: c.row.citesTaxonConceptId, relation: c.row.relation, basis: c.row.basis, origin: c.row.origin };
  const curation = {
    decision: c.decision, by: c.actor.label, at: new Date().toISOString(), previous,
    ...(gone.length ? { replaced: gone.map((s) => ({ id: s.id, citesTaxonConceptId: s.citesTaxonConceptId, relation: s.relation, basis: s.basis, origin: s.origin })) } : {}),
  };
  const values = {
    cmsTaxonConceptId: c.cmsId, citesTaxonConceptId: c.citesId, relation: c.relation, basis: c.basis, origin: 'curated', confidence: 1, review: false,
    // A confirmed link keeps the evidence it was matched on; a changed one has only the decision (the old evidence no longer describes it).
    evidence: { ...(c.evidence ?? {}), curation }, comment: c.comment, createdBy: c.actor.label, updatedAt: new Date(),
  };
  for (const s of gone) await tx.delete(conceptLinks).where(eq(conceptLinks.id, s.id));
  const [after] = c.row
    ? await tx.update(conceptLinks).set(values).where(eq(conceptLinks.id, c.row.id)).returning()
    : await tx.insert(conceptLinks).values(values).returning();
  await recordAudit(tx, { actor: c.actor, action: `conceptLink.${c.decision}`, resourceType: 'conceptLink', resourceId: after.id, before: c.row, after: { ...after, replaced: curation.replaced } });
  // The joined status follows the link at once (search, country pages, matches).
  await recomputeJoinedStatus(tx);
  return after;
}

/** Reject one counterpart of a concept that keeps other curated ones: the row goes. */
async function removeRejected(tx: Tx, c: Pick<Curation, 'actor' | 'comment'> & { row: LinkRow }): Promise<CuratedLink> {
  await tx.delete(conceptLinks).where(eq(conceptLinks.id, c.row.id));
  const after = { ...c.row, relation: 'disjunct', origin: 'curated', review: false, comment: c.comment, createdBy: c.actor.label, updatedAt: new Date(), removed: true as const };
  await recordAudit(tx, { actor: c.actor, action: 'conceptLink.reject', resourceType: 'conceptLink', resourceId: c.row.id, before: c.row, after: { removed: true, comment: c.comment } });
  await recomputeJoinedStatus(tx);
  return after;
}

/**
 * Whether the decision removes another link of the same CMS concept: the same
 * pair twice; 'no counterpart' against counterparts (either way round); and
 * automatic links, except in a single link's decision those still waiting for
 * review. Other curated counterparts stay (a split curated link by link).
 */
function supersedes(c: Curation, s: LinkRow): boolean {
  if (s.citesTaxonConceptId === c.citesId) return true;
  if (s.origin === 'curated') return (s.citesTaxonConceptId === null) !== (c.citesId === null);
  return c.scope === 'concept' || !s.review;
}

function required(comment: string): string {
  if (!comment?.trim()) throw invalid('a comment giving the reason for the decision', 'comment');
  return comment.trim();
}

/** A known relation, and 'disjunct' exactly when there is no CITES concept (what the read queries assume). */
function checkRelation(relation: string, citesId: number | null, fields: { relation: string; cites: string }): Relation {
  if (!(RELATIONS as readonly string[]).includes(relation)) throw invalid(`a relation, one of ${RELATIONS.join(', ')}; got '${relation}'`, fields.relation);
  if (citesId === null && relation !== 'disjunct') throw invalid(`a CITES taxon concept for a '${relation}' link (only 'disjunct' has none)`, fields.cites);
  if (citesId !== null && relation === 'disjunct') throw invalid("no CITES taxon concept for a 'disjunct' link (null: the CMS concept has no counterpart)", fields.cites);
  return relation as Relation;
}

async function expectConcept(tx: Tx, id: number, taxonomy: 'CMS' | 'CITES', field: string): Promise<void> {
  const [c] = await tx.select({ taxonomyId: taxonConcepts.taxonomyId, nameStatus: taxonConcepts.nameStatus, deletedAt: taxonConcepts.deletedAt })
    .from(taxonConcepts).where(eq(taxonConcepts.id, id));
  const problem = !c || c.deletedAt ? 'unknown' : c.taxonomyId !== taxonomy ? `a ${c.taxonomyId} concept` : c.nameStatus !== 'A' ? `not an accepted name (status ${c.nameStatus})` : null;
  if (problem) throw invalid(`a ${taxonomy} taxon concept; ${id} is ${problem}`, field);
}
