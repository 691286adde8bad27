import type { Endpoint } from 'payload'

import { staff } from '../../../../access/core/staff'
import { dbPool } from '../../../../db/pool'
import { rulePurpose } from '../../../../engine/rules/purposes'
import { errorResponse } from '../../../../modules/core/http'
import { SAMPLE_LIMIT_MAX, sampleInputs } from '../../../../modules/rules/sampleInputs'

/**
 * GET /api/rule-versions/sample-inputs?purpose=commission_amount&limit=20 — `{ samples: [{ label, inputs }] }`:
 * inputs for "Try it" from the latest real rows (verified sales for commission amounts), staff only.
 */
export const sampleInputsEndpoint: Endpoint = {
  path: '/sample-inputs',
  method: 'get',
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
