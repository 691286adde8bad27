import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { serviceKey, splitProblems } from '../../../engine/billpay/allocation'

/** Keys a service the way invoices are matched to it, and refuses splits that do not add up to 100 %. */
export const keyService: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const serviceId = (data.serviceId ?? originalDoc?.serviceId) as string | undefined
  if (serviceId) data.serviceKey = serviceKey(serviceId)
  const splits = (data.splits ?? originalDoc?.splits ?? []) as { costCentre: string; percent: string }[]
  const problems = splitProblems(splits)
  if (!data.costCentre && !originalDoc?.costCentre && splits.length === 0) problems.push('a cost centre or splits are needed')
  if (problems.length)
    throw new ValidationError({ collection: 'service-inventory', errors: problems.map((message) => ({ path: 'splits', message })) })
  return data
}
