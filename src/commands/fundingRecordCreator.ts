// Records funds raised for joint work (amount, currency, donor, purpose), optionally for one activity.
import type { Tx } from '../db/client.js';
import { fundingRecords } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';
import { recordAudit } from './auditRecorder.js';
import { invalid } from './errors.js';

export interface FundingRecordProps { actor: Actor; programmeId: number; activityId: number | null; amount: number; currency: string; donor: string; purpose: string; year: number }

export async function createFundingRecord(tx: Tx, props: FundingRecordProps) {
  if (!(props.amount > 0) || !Number.isFinite(props.amount)) throw invalid(`a positive amount, got ${props.amount}`, 'amount');
  if (!/^[A-Z]{3}$/.test(props.currency)) throw invalid(`an ISO 4217 currency code such as USD, got '${props.currency}'`, 'currency');
  const thisYear = new Date().getUTCFullYear();
  if (props.year < 1975 || props.year > thisYear) throw invalid(`a year between 1975 and ${thisYear}, got ${props.year}`, 'year');
  if (!props.donor.trim() || !props.purpose.trim()) throw invalid('a donor and a purpose', props.donor.trim() ? 'purpose' : 'donor');
  const [row] = await tx.insert(fundingRecords).values({
    programmeId: props.programmeId, activityId: props.activityId, amount: props.amount.toFixed(2), currency: props.currency,
    donor: props.donor.trim(), purpose: props.purpose.trim(), year: props.year,
  }).returning();
  await recordAudit(tx, { actor: props.actor, action: 'fundingRecord.create', resourceType: 'fundingRecord', resourceId: row.id, before: null, after: row });
  return row;
}
