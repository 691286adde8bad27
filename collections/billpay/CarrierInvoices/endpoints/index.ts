import type { Endpoint } from 'payload'

/** The invoice's endpoints: ingestion, the file, review actions, payment runs, reports and journals. */
export const invoiceEndpoints: Endpoint[] = []
