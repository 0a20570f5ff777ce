// Sets (or removes, with null) a State's CMS Party membership and its date of
// entry into force. The CMS Secretariat's word is curated: a later import
// (the IEA Database file) never overwrites it.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { geoEntities, partyMemberships } from '../db/schema.js';
import type { Actor } from '../auth/principal.js';
import { recordAudit } from './auditRecorder.js';
import { invalid, notFound } from './errors.js';

export interface CmsPartyProps { actor: Actor; iso2: string; entryIntoForce: string | null }

export async function updateCmsPartyMembership(tx: Tx, props: CmsPartyProps) {
  const iso2 = props.iso2.toUpperCase();
  if (props.entryIntoForce !== null && !/^\d{4}-\d{2}-\d{2}$/.test(props.entryIntoForce)) throw invalid(`a date as YYYY-MM-DD, got '${props.entryIntoForce}'`, 'entryIntoForce');
  const [geo] = await tx.select().from(geoEntities).where(eq(geoEntities.iso2, iso2));
  if (!geo) throw notFound(`no country or territory with ISO code ${iso2}`);
  const where = and(eq(partyMemberships.geoEntityId, geo.id), eq(partyMemberships.convention, 'CMS'));
  const [before] = await tx.select().from(partyMemberships).where(where);
  let after: typeof before | null = null;
  // Curated either way: "not a Party" is kept as a fact too, so an import cannot bring back a withdrawn date.
  const values = { entryIntoForce: props.entryIntoForce, isParty: props.entryIntoForce !== null, origin: 'curated', sourceFile: null, sourceLine: null, importRunId: null };
  if (before) [after] = await tx.update(partyMemberships).set(values).where(where).returning();
  else [after] = await tx.insert(partyMemberships).values({ geoEntityId: geo.id, convention: 'CMS', ...values }).returning();
  await recordAudit(tx, { actor: props.actor, action: 'cmsPartyMembership.update', resourceType: 'cmsPartyMembership', resourceId: iso2, before: before ?? null, after });
  return after;
}
