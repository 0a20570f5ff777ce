// The audit event every command writes, in the command's own transaction:
// if the write rolls back, so does its record.
import type { Tx } from '../db/client.js';
import { auditEvents } from '../db/schema-programme.js';
import type { Actor } from '../auth/principal.js';

export interface AuditProps {
  actor: Actor;
  action: string; // 'progressEntry.create'
  resourceType: string;
  resourceId: string | number | null;
  before: unknown;
  after: unknown;
}

export async function recordAudit(tx: Tx, props: AuditProps): Promise<void> {
  await tx.insert(auditEvents).values({
    userId: props.actor.userId,
    actor: props.actor.label,
    action: props.action,
    resourceType: props.resourceType,
    resourceId: props.resourceId == null ? null : String(props.resourceId),
    before: strip(props.before),
    after: strip(props.after),
    requestId: props.actor.requestId ?? null,
  });
}

/** Secrets never reach the audit log. */
function strip(v: unknown): unknown {
  if (v == null || typeof v !== 'object') return v ?? null;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (/password|tokenHash|secret/i.test(k)) continue;
    out[k] = val instanceof Date ? val.toISOString() : val;
  }
  return out;
}
