import type { CollectionBeforeChangeHook } from 'payload'

import type { ScrapeRun } from '../../../../payload-types'

import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { refuseSecondRun } from '../../../../modules/scrape/oneRunPerConnector'
import { findOrNull } from '../../../../modules/core/findOrNull'

const day = (date: Date) => date.toISOString().slice(0, 10)

/** A new run gets its title and, unless given, the connector's look-back period ending yesterday. */
export const planScrapeRun: CollectionBeforeChangeHook<ScrapeRun> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const connectorId = relationId(data.connector)
  const connector =
    connectorId === null
      ? null
      : await findOrNull(req.payload.findByID({ collection: 'carrier-connectors', id: connectorId, depth: 0, req }))
  if (!connector) throw fieldError('scrape-runs', 'connector', 'choose the connector to run')
  await refuseSecondRun(req, connectorId!) // one run per connector at a time, whichever way it is created
  const yesterday = new Date(Date.now() - 86_400_000)
  data.periodTo = data.periodTo ? String(data.periodTo).slice(0, 10) : day(yesterday)
  data.periodFrom = data.periodFrom
    ? String(data.periodFrom).slice(0, 10)
    : day(new Date(Date.parse(`${data.periodTo}T00:00:00Z`) - (connector.lookbackDays - 1) * 86_400_000))
  if (data.periodFrom > data.periodTo)
    throw fieldError('scrape-runs', 'periodFrom', `the period starts (${data.periodFrom}) after it ends (${data.periodTo})`)
  data.status = 'queued'
  data.title = `${connector.name} ${data.periodFrom} – ${data.periodTo}`
  return data
}
