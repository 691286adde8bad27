import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { overlapUntil, ROTATION_OVERLAP_DEFAULT_HOURS, ROTATION_OVERLAP_MAX_HOURS } from '../../../../engine/api/keys'
import { newKeySecret } from '../../../../modules/api/keys'
import { ROTATED_PREFIX_CONTEXT } from '../hooks/issueKeySecret'
import { bodyOf } from '../../../../modules/core/body'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { companyAdmins } from '../../../../access/core/companyAdmins'

/**
 * POST /api/api-keys/:id/rotate — a new secret, shown once; the previous one keeps working for `overlapHours`
 * (default 24, at most 168), so the integration switches without downtime.
 */
export const rotateKey: Endpoint = {
  path: '/:id/rotate',
  method: 'post',
  custom: apiDoc({
    summary: 'Rotate an API key’s secret',
    description: `Issues a new secret (returned once, in \`secret\`). The previous secret keeps working until \`previousValidUntil\` (now + overlapHours, default ${ROTATION_OVERLAP_DEFAULT_HOURS}, at most ${ROTATION_OVERLAP_MAX_HOURS}), so both work while the integration switches.`,
    access: 'Company admins.',
    body: {
      required: false,
      schema: s.obj({ 'overlapHours?': s.num('Hours the previous secret keeps working (0 to 168).') }),
    },
    responses: {
      200: {
        description: 'The new secret and until when the previous one works.',
        schema: s.obj({
          id: s.int(),
          secret: s.str('The new secret: store it now, it is not shown again.'),
          prefix: s.str('The start of the new secret.'),
          previousValidUntil: s.date('The previous secret works until then.'),
          rotatedAt: s.date(),
        }),
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in to rotate an API key')
    if (!(await companyAdmins({ req }))) return errorResponse(403, 'only company admins rotate API keys')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const { fields } = await bodyOf(req)
    const now = new Date()
    const overlap = overlapUntil(now, fields.overlapHours)
    if ('problem' in overlap) return errorResponse(400, overlap.problem)
    const key = await findOrNull(req.payload.findByID({ collection: 'api-keys', id, depth: 0, overrideAccess: false, user: req.user, req }))
    if (!key) return errorResponse(404, `API key ${id} not found`)
    // The stored hashes are readable by nobody through the API, so the current one is read with access overridden.
    const stored = await req.payload.findByID({ collection: 'api-keys', id, depth: 0, overrideAccess: true, req })
    const { secret, secretHash, prefix } = newKeySecret()
    await req.payload.update({
      collection: 'api-keys',
      id,
      overrideAccess: true,
      req,
      data: {
        secretHash,
        previousSecretHash: stored.secretHash ?? null,
        previousValidUntil: overlap.until.toISOString(),
        rotatedAt: now.toISOString(),
      },
      context: { [ROTATED_PREFIX_CONTEXT]: prefix },
    })
    return Response.json({ id, secret, prefix, previousValidUntil: overlap.until.toISOString(), rotatedAt: now.toISOString() })
  },
}
