/**
 * The webhook events Accrue sends, one registry for every capability: a capability that adds an event adds it here
 * (its type, the capability it belongs to and what a receiver can rely on). Subscriptions choose from these types;
 * the OpenAPI document lists them.
 */
export const WEBHOOK_EVENTS = [
  {
    type: 'import.completed',
    capability: 'ingest',
    description: 'An import finished; its counts (read, accepted, rejected) are in the data.',
  },
  { type: 'import.failed', capability: 'ingest', description: 'An import stopped with an error; nothing of it was kept.' },
  {
    type: 'reconciliation.completed',
    capability: 'reconcile',
    description: 'A reconciliation run finished, with its matched and discrepancy counts.',
  },
  {
    type: 'commission_run.awaiting_approval',
    capability: 'commission',
    description: 'A commission run was calculated and waits for approval.',
  },
  { type: 'commission_run.approved', capability: 'commission', description: 'A commission run was approved.' },
  { type: 'commission_run.locked', capability: 'commission', description: 'A commission run was locked: its lines are final.' },
  { type: 'statements.generated', capability: 'commission', description: 'Statements were generated for a commission run.' },
  { type: 'payment_batch.created', capability: 'payments', description: 'A payment batch was created.' },
  { type: 'payment_batch.paid', capability: 'payments', description: 'A payment batch was marked paid.' },
  { type: 'proposal.status_changed', capability: 'proposals', description: 'A proposal moved to another status.' },
] as const

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number]['type']

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = WEBHOOK_EVENTS.map((event) => event.type)

export function isWebhookEventType(value: unknown): value is WebhookEventType {
  return typeof value === 'string' && (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}
