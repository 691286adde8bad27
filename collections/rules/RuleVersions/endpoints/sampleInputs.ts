import type { Endpoint } from 'payload'

import { staff } from '../../../../access/core/staff'
import { dbPool } from '../../../../db/pool'
import { apiDoc, s } from '../../../../engine/api'
import { RULE_PURPOSE_KEYS, rulePurpose } from '../../../../engine/rules/purposes'
import { errorResponse } from '../../../../modules/core/http'
import { SAMPLE_LIMIT_MAX, sampleInputs } from '../../../../modules/rules/sampleInputs'

/**
 * GET /api/rule-versions/sample-inputs?purpose=commission_amount&limit=20 — `{ samples: [{ label, inputs }] }`:
 * inputs for "Try it" from the latest real rows (verified sales for commission amounts), staff only.
 */
export const sampleInputsEndpoint: Endpoint = {
  path: '/sample-inputs',
  method: 'get',
  custom: apiDoc({
    summary: 'Get sample inputs for trying a rule',
    description:
      'Inputs for "Try it" taken from the latest real rows a purpose decides on (for commission amounts, the latest verified sales, newest first), each computed the way a run computes them.',
    access: 'The operating company’s staff.',
    query: {
      purpose: { description: 'The rule purpose.', required: true, schema: s.oneOf(RULE_PURPOSE_KEYS) },
      limit: { description: 'How many samples, 1 to 100 (default 20).', schema: { type: 'integer', minimum: 1, maximum: 100 } },
    },
    responses: {
      200: {
        description: 'The samples.',
        schema: s.obj({
          samples: s.arr(s.obj({ label: s.str('What the row is, in words.'), inputs: s.anyJson('The purpose’s inputs as field: value.') })),
        }),
      },
      400: { description: 'Not a rule purpose, a limit out of range, or a purpose that has no sample inputs yet.' },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    if (!staff({ req })) return errorResponse(403, 'only the operating company’s staff read sample inputs')
    const key = req.searchParams.get('purpose') ?? ''
    const purpose = rulePurpose(key)
    if (!purpose) return errorResponse(400, `purpose ${JSON.stringify(key)} is not a rule purpose`)
    const rawLimit = req.searchParams.get('limit') ?? '20'
    if (!/^\d{1,3}$/.test(rawLimit) || Number(rawLimit) < 1 || Number(rawLimit) > SAMPLE_LIMIT_MAX)
      return errorResponse(400, `limit must be a whole number from 1 to ${SAMPLE_LIMIT_MAX}`)
    const samples = await sampleInputs(dbPool(req.payload), purpose.key, Number(rawLimit))
    if (samples === null) return errorResponse(400, `${purpose.label} has no sample inputs yet; type the inputs instead`)
    return Response.json({ samples })
  },
}
