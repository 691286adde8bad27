import type { Endpoint, PayloadRequest } from 'payload'

import { staff } from '../../../../access/core/staff'
import { apiDoc, s, type EndpointDoc } from '../../../../engine/api'
import { RULE_PURPOSE_KEYS, rulePurpose } from '../../../../engine/rules/purposes'
import { findOrNull } from '../../../../modules/core/findOrNull'
import { errorResponse } from '../../../../modules/core/http'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { tryRule } from '../../../../modules/rules/tryRule'
import { ruleVersionSource } from '../../../../modules/rules/versions'

type Body = { purpose?: unknown; content?: unknown; inputs?: unknown }

async function bodyOf(req: PayloadRequest): Promise<Body | null> {
  const parsed: unknown = await req.json?.().catch(() => null)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Body) : null
}

const firedRow = s.obj({
  nodeId: s.str(),
  node: s.str('The table’s name.'),
  row: s.int('The row, 1-based as the editor numbers them.'),
  rowId: s.str(),
  conditions: s.str('The row’s non-empty condition cells, as "column: expression".'),
  outputs: s.str('The row’s output cells.'),
  'description?': s.str(),
})

/** The answers both "Try it" endpoints give. */
const tryResponses: EndpointDoc['responses'] = {
  200: {
    description: 'The rule ran: what it returned and which rows fired, or the error it stopped with.',
    schema: s.obj({
      outcome: {
        anyOf: [
          s.obj({ results: s.arr(s.anyJson('One result: the purpose’s output fields.')), fired: s.arr(firedRow) }),
          s.obj({ error: s.str('Why the evaluation produced no usable result.') }),
        ],
      },
      problems: s.arr(s.anyJson(), 'Always empty on success.'),
    }),
  },
  400: { description: 'The inputs are not an object, or name fields the purpose does not provide; `problems` lists each with its path.' },
  422: { description: 'The rule itself has problems (graph, tables, outputs); `problems` lists each as { path, message }.' },
}

/** Staff only: a rule's answers are part of the commission plan. null when allowed, else the refusal. */
function refusal(req: PayloadRequest): Response | null {
  if (!req.user) return errorResponse(401, 'log in first')
  return staff({ req }) ? null : errorResponse(403, 'only the operating company’s staff try rules')
}

/**
 * POST /api/rule-versions/try — `{ purpose, content, inputs }`: the editor's unsaved draft evaluated on `inputs`.
 * 200 `{ outcome: { results, fired } | { error }, problems: [] }`; 422 `{ errors, problems }` when the rule has problems.
 */
export const tryDraftEndpoint: Endpoint = {
  path: '/try',
  method: 'post',
  custom: apiDoc({
    summary: 'Try an unsaved rule',
    description:
      'Evaluates the rule editor’s unsaved draft (a decision graph) for a purpose on one set of inputs, and answers what it returned and which table rows fired. Nothing is saved.',
    access: 'The operating company’s staff.',
    body: {
      required: true,
      schema: s.obj({
        purpose: s.oneOf(RULE_PURPOSE_KEYS, 'What the rule decides; fixes its inputs and outputs.'),
        content: s.anyJson('The rule’s decision graph (JDM), as the editor holds it.'),
        inputs: s.anyJson('The purpose’s inputs as field: value; fields left out are null.'),
      }),
    },
    responses: tryResponses,
  }),
  handler: async (req) => {
    const denied = refusal(req)
    if (denied) return denied
    const body = await bodyOf(req)
    if (!body)
      return errorResponse(400, 'send a JSON object: { "purpose": "commission_amount", "content": { …the rule… }, "inputs": { … } }')
    const purpose = typeof body.purpose === 'string' ? rulePurpose(body.purpose) : null
    if (!purpose) return errorResponse(400, `purpose ${JSON.stringify(body.purpose ?? null)} is not a rule purpose`)
    const answer = await tryRule({ id: 0, ruleSet: 'Draft', version: 0, content: body.content as never }, purpose, body.inputs)
    return Response.json(answer.body, { status: answer.status })
  },
}

/** POST /api/rule-versions/:id/try — `{ inputs }`: a stored version evaluated on `inputs`; the same answers. */
export const tryVersionEndpoint: Endpoint = {
  path: '/:id/try',
  method: 'post',
  custom: apiDoc({
    summary: 'Try a stored rule version',
    description:
      'Evaluates a stored rule version, for its rule set’s purpose, on one set of inputs: what it returned and which table rows fired.',
    access: 'The operating company’s staff.',
    body: {
      required: true,
      schema: s.obj({ inputs: s.anyJson('The purpose’s inputs as field: value; fields left out are null.') }),
    },
    responses: tryResponses,
  }),
  handler: async (req) => {
    const denied = refusal(req)
    if (denied) return denied
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const version = await findOrNull(
      req.payload.findByID({ collection: 'rule-versions', id, depth: 1, req, overrideAccess: false, user: req.user }),
    )
    if (!version) return errorResponse(404, `rule version ${String(req.routeParams?.id)} not found`)
    const source = ruleVersionSource({ ...version, ruleSet: version.ruleSet })
    const purpose = rulePurpose(source.purpose)
    if (!purpose) return errorResponse(422, `the rule set's purpose "${source.purpose}" is not registered`)
    const body = await bodyOf(req)
    if (!body) return errorResponse(400, 'send a JSON object: { "inputs": { … } }')
    const answer = await tryRule(source, purpose, body.inputs)
    return Response.json(answer.body, { status: answer.status })
  },
}
