import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../engine/api'
import { KEYSET_DEFAULT_LIMIT, KEYSET_MAX_LIMIT, keysetPage } from '../../../modules/api/paging/keyset'

/** GET /api/<slug>/keyset — cursor paging in id order, on every collection (added by collections/core/withDefaults.ts). */
export const keysetEndpoint: Endpoint = {
  path: '/keyset',
  method: 'get',
  custom: apiDoc({
    summary: 'List in id order with a cursor (keyset paging)',
    description:
      'One page of the documents the caller may read, in ascending id order, after the cursor. Pass the answer’s nextCursor as `after` to read the next page; it is null on the last page. Every page costs the same however deep (no offset, no count). `where` filters as on the collection’s list (`where[field][operator]=value`). Payload’s own `?limit=&page=` and `?pagination=false` paging still work on the list itself.',
    access: 'Whoever may read the collection; the rows are those their row-level access lets them read.',
    query: {
      after: { description: 'The nextCursor of the previous page (opaque). Leave out for the first page.', schema: s.str() },
      limit: {
        description: `Documents per page, 1 to ${KEYSET_MAX_LIMIT} (default ${KEYSET_DEFAULT_LIMIT}).`,
        schema: { type: 'integer', minimum: 1, maximum: KEYSET_MAX_LIMIT, default: KEYSET_DEFAULT_LIMIT },
      },
      where: {
        description: 'A filter, as on the list: where[field][operator]=value (qs syntax, as Payload’s REST reads it).',
        schema: { type: 'object' },
      },
      depth: {
        description: 'How deep to populate relationships, 0 to 2 (default 0: ids).',
        schema: { type: 'integer', minimum: 0, maximum: 2, default: 0 },
      },
    },
    responses: {
      200: {
        description: 'The page.',
        schema: s.obj({
          docs: s.arr({ type: 'object' }, 'The documents, in ascending id order.'),
          nextCursor: s.nullable(s.str('Pass as `after` for the next page; null when this page is the last.')),
          limit: s.int('The page size used.'),
        }),
      },
    },
  }),
  handler: keysetPage,
}
