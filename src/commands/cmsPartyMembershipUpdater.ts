// Sets (or removes, with null) a State's CMS Party membership and its date of
// entry into force. No source file lists CMS Parties, so the CMS Secretariat keeps them.
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
  if (props.entryIntoForce === null) {
    if (before) await tx.delete(partyMemberships).where(where);
  } else if (before) {
    [after] = await tx.update(partyMemberships).set({ entryIntoForce: props.entryIntoForce, sourceFile: null, sourceLine: null, importRunId: null }).where(where).returning();
  } else {
    [after] = await tx.insert(partyMemberships).values({ geoEntityId: geo.id, convention: 'CMS', entryIntoForce: props.entryIntoForce }).returning();
  }
  await recordAudit(tx, { actor: props.actor, action: 'cmsPartyMembership.update', resourceType: 'cmsPartyMembership', resourceId: iso2, before: before ?? null, after });
  return after;
}
