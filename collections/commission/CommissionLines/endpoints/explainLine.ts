import type { Endpoint } from 'payload'

import { apiDoc, s } from '../../../../engine/api'
import { explainCommissionLine } from '../../../../modules/commission/explain'
import { badRouteId, routeId } from '../../../../modules/core/routeId'
import { errorResponse } from '../../../../modules/core/http'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** GET /api/commission-lines/:id/why — why this amount, for anyone allowed to read the line. */
export const explainLine: Endpoint = {
  path: '/:id/why',
  method: 'get',
  custom: apiDoc({
    summary: 'Explain a commission line (why this amount)',
    description:
      'Why the line has its amount: the plan version and component that priced it, the inputs its rule saw with the rule’s own detail (for a rule-based amount, the rule version and the table rows that fired), the source rows (the verified sale, the carrier record, the participant below for an override, the note) and one sentence saying it all.',
    access: 'Whoever may read the line: staff every line, a partner the lines of its own subtree.',
    responses: {
      200: {
        description: 'The explanation.',
        schema: s.obj({
          line: s.obj({
            id: s.int(),
            component: s.str('The commission component (upfront, residual, override, …).'),
            amount: s.money(),
            currency: s.str(),
            held: s.bool(),
            description: s.nullable(s.str()),
          }),
          payee: s.obj({ id: s.int(), name: s.str(), code: s.nullable(s.str()) }),
          period: s.obj({ id: s.int(), label: s.str() }),
          rule: s.obj({
            planVersion: s.nullable(s.int('The plan version id.')),
            planVersionTitle: s.nullable(s.str()),
            component: s.str(),
            evaluation: s.nullable(s.int('The evaluation record id.')),
            inputs: s.anyJson('The inputs the rule saw (activation type, rate plan id, …).'),
            detail: s.anyJson('The rule’s own detail of how it computed the amount.'),
            exact: s.nullable(s.str('The unrounded amount, as a decimal string.')),
            posted: s.nullable(s.str('The amount posted after rounding, as a decimal string.')),
            ruleVersion: s.nullable(s.obj({ id: s.int(), title: s.nullable(s.str()), version: s.int(), ruleSet: s.str() })),
            fired: s.arr(
              s.obj({ table: s.str(), row: s.int(), conditions: s.str(), outputs: s.str(), description: s.nullable(s.str()) }),
              'For a rule-based amount, the decision-table rows that produced the line; empty otherwise.',
            ),
            label: s.nullable(s.str()),
          }),
          sources: s.arr(
            s.obj({ collection: s.str('The collection slug of the source row.'), id: s.int(), summary: s.str() }),
            'The rows the line came from.',
          ),
          sentence: s.str('The whole explanation in one sentence.'),
        }),
      },
    },
  }),
  handler: async (req) => {
    if (!req.user) return errorResponse(401, 'log in first')
    const id = routeId(req)
    if (id === null) return badRouteId(req)
    const line = await findOrNull(
      req.payload.findByID({ collection: 'commission-lines', id, depth: 0, req, overrideAccess: false, user: req.user }),
    )
    if (!line) return errorResponse(404, `commission line ${String(req.routeParams?.id)} not found`)
    return Response.json(await explainCommissionLine(req, line.id as number))
  },
}
