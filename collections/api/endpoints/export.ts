import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../engine/api'
import { exportCollection } from '../../../modules/api/paging/export'

/** GET /api/<slug>/export — the filtered collection streamed as CSV or NDJSON, on every collection (collections/core/withDefaults.ts). */
export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  custom: apiDoc({
    summary: 'Export the filtered collection (CSV or NDJSON)',
    description:
      'Every document the caller may read that matches `where`, streamed in id order in constant memory. Columns are the collection’s top-level fields the caller may read, `id` first: relationships as ids, money as the stored decimal string, dates as ISO 8601, arrays, groups and JSON as JSON text. CSV follows RFC 4180 (header row, CRLF, quoted when needed); NDJSON is one JSON object per line.',
    access:
      'Whoever may read the collection; the rows are those their row-level access lets them read, without the fields their field-level access hides.',
    query: {
      format: { description: 'csv (default) or ndjson.', schema: s.oneOf(['csv', 'ndjson']) },
      where: {
        description: 'A filter, as on the list: where[field][operator]=value (qs syntax, as Payload’s REST reads it).',
        schema: { type: 'object' },
      },
    },
    responses: {
      200: { description: 'The file, as an attachment named <slug>-<date>.csv (or .ndjson).', contentType: 'text/csv' },
    },
  }),
  handler: exportCollection,
}
