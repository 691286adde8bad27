import type { Endpoint, PayloadRequest } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { jobOperators } from '../../../../access/core/operationsStaff'
import { parseRunRequest, RUN_REQUEST_MAX_BYTES } from '../../../../engine/scrape/runRequest'
import { alreadyActiveMessage, queueRunNow } from '../../../../modules/scrape/oneRunPerConnector'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** The body as text, or null when it is longer than `max` bytes (read no further than that). */
async function boundedText(req: PayloadRequest, max: number): Promise<string | null> {
  const body = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * POST /api/carrier-connectors/:id/run {from?, to?} — queue a run now (company admins and finance). One run per
 * connector at a time: while one is queued or running, the answer is that run (200) and nothing is queued. A body
 * that is not empty and not a JSON object of real days is a 400 naming the problem.
 */
export const runNow: Endpoint = {
  path: '/:id/run',
  method: 'post',
  custom: apiDoc({
    summary: 'Run a carrier connector now',
    description:
      'Queues a scrape run of the carrier portal for a period: without a body, the connector’s look-back period up to yesterday. One run per connector at a time: while one is queued or running, the answer names that run and nothing is queued.',
    access: 'Company admins and finance.',
    idempotent: true,
    body: {
      required: false,
      description: 'Empty, or a JSON object with at most `from` and `to` (other fields are refused).',
      schema: s.obj({
        'from?': s.day('The first day to fetch (default: the look-back period’s start).'),
        'to?': s.day('The last day to fetch (default: yesterday).'),
      }),
    },
    responses: {
      200: {
        description: 'A run of this connector is already queued or running; it was not queued again.',
        schema: s.obj({ message: s.str(), run: s.int('The active scrape run’s id.'), status: s.str('That run’s status.') }),
      },
      202: {
        description: 'The run is queued.',
        schema: s.obj({ message: s.str(), run: s.int('The new scrape run’s id.'), status: s.str('Its status (queued).') }),
      },
      400: {
        description:
          'The body is not empty and not a JSON object of real days, or the period ends before it starts (a field error on periodFrom).',
      },
      413: { description: 'The body is larger than 4,096 bytes.' },
    },
  }),
  handler: async (req) => {
    if (!jobOperators({ req })) return errorResponse(req.user ? 403 : 401, 'only company admins and finance run connectors')
    const rawId = String(req.routeParams?.id ?? '')
    if (!/^\d{1,9}$/.test(rawId)) return errorResponse(404, `connector ${rawId} not found`)
    const id = Number(rawId)
    const connector = await findOrNull(req.payload.findByID({ collection: 'carrier-connectors', id, depth: 0, req }))
    if (!connector) return errorResponse(404, `connector ${rawId} not found`)
    const text = await boundedText(req, RUN_REQUEST_MAX_BYTES)
    if (text === null) return errorResponse(413, `the body is larger than ${RUN_REQUEST_MAX_BYTES} bytes; send {"from"?, "to"?} only`)
    const body = parseRunRequest(text, req.headers.get('content-type'))
    if (!body.ok) return errorResponse(400, body.message)
    // The days' order is the run's own rule (planScrapeRun), checked there for every way a run is created.
    const outcome = await queueRunNow(req, id, body.value)
    if (!outcome.queued) {
      const message = alreadyActiveMessage(outcome.run, 'it was not queued again')
      return Response.json({ message, run: outcome.run.id, status: outcome.run.status }, { status: 200 })
    }
    return Response.json({ message: `run ${outcome.run.id} queued`, run: outcome.run.id, status: outcome.run.status }, { status: 202 })
  },
}
