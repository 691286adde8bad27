import type { Endpoint } from 'payload'

import { collectNow, uploadInvoice } from './ingest'
import { journalEndpoint, payRunEndpoint, pushJournalEndpoint, reportEndpoint } from './money'
import {
  approveEndpoint,
  correctEndpoint,
  invoiceFile,
  queueEndpoint,
  rejectEndpoint,
  releaseEndpoint,
  reprocessEndpoint,
  reviewInvoice,
} from './review'

/** The invoice's endpoints: ingestion, the file, review actions, payment runs, reports and journals. */
export const invoiceEndpoints: Endpoint[] = [
  uploadInvoice,
  collectNow,
  queueEndpoint,
  payRunEndpoint,
  reportEndpoint,
  journalEndpoint,
  pushJournalEndpoint,
  reviewInvoice,
  invoiceFile,
  correctEndpoint,
  approveEndpoint,
  rejectEndpoint,
  releaseEndpoint,
  reprocessEndpoint,
]
