import type { TaskConfig } from 'payload'

import { runImport } from '../../../modules/ingest/runImport'
import { jobProgress } from '../../progress'

/**
 * Runs one uploaded import. Not retried: a file that cannot be read fails the same way twice, and the import
 * document already says why (upload the file again after fixing it).
 */
export const runImportTask: TaskConfig<{
  input: { importId: number }
  output: { rowsRead: number; accepted: number; rejected: number; inserted: number; updated: number; duplicates: number }
}> = {
  slug: 'runImport',
  label: 'Import a dealer-sales or carrier file',
  retries: 0,
  inputSchema: [{ name: 'importId', type: 'number', required: true }],
  outputSchema: [
    { name: 'rowsRead', type: 'number', required: true },
    { name: 'accepted', type: 'number', required: true },
    { name: 'rejected', type: 'number', required: true },
    { name: 'inserted', type: 'number', required: true },
    { name: 'updated', type: 'number', required: true },
    { name: 'duplicates', type: 'number', required: true },
  ],
  handler: async ({ input, job, req }) => {
    const counts = await runImport(req.payload, input.importId, jobProgress(req.payload, job.id))
    return { output: counts }
  },
}
