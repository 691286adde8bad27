import type { CollectionBeforeChangeHook } from 'payload'

import type { CarrierConnector } from '../../../../payload-types'

import { stepProblems, type ConnectorStep } from '../../../../engine/scrape/steps'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/**
 * A connector must be runnable: valid steps, an absolute login URL, and — for a report — a carrier-records mapping of
 * its carrier (an invoices connector downloads files for bill payment instead).
 */
export const checkConnector: CollectionBeforeChangeHook<CarrierConnector> = async ({ data, originalDoc, req }) => {
  const steps: ConnectorStep[] = data.steps ?? originalDoc?.steps ?? []
  if (!Array.isArray(steps) || steps.some((step) => !step || typeof step !== 'object'))
    throw fieldError('carrier-connectors', 'steps', 'steps is a list of step objects')
  const problem = stepProblems(steps)[0]
  if (problem)
    throw fieldError('carrier-connectors', `steps.${problem.index}.${problem.field}`, `step ${problem.index + 1}: ${problem.message}`)
  const loginUrl = String(data.loginUrl ?? originalDoc?.loginUrl ?? '')
  if (!/^https?:\/\/[^/]+/.test(loginUrl)) throw fieldError('carrier-connectors', 'loginUrl', `"${loginUrl}" is not an http(s) URL`)
  if ((data.fetches ?? originalDoc?.fetches) === 'invoices') {
    if (!steps.some((step) => step.action === 'download'))
      throw fieldError('carrier-connectors', 'steps', 'an invoices connector fetches its files with a download step')
    return data
  }
  const mappingId = relationId(data.mapping ?? originalDoc?.mapping)
  const carrierId = relationId(data.carrier ?? originalDoc?.carrier)
  const mapping =
    mappingId === null ? null : await findOrNull(req.payload.findByID({ collection: 'import-mappings', id: mappingId, depth: 0, req }))
  if (!mapping || mapping.source !== 'carrier_records' || relationId(mapping.carrier) !== carrierId) {
    throw fieldError('carrier-connectors', 'mapping', "choose a carrier-records mapping of this connector's carrier")
  }
  return data
}
