import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { serviceKey, splitProblems } from '../../../engine/billpay/allocation'

/** Keys a service the way invoices are matched to it, and refuses splits that do not add up to 100 %. */
export const keyService: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const serviceId: unknown = data.serviceId ?? originalDoc?.serviceId
  if (typeof serviceId === 'string' && serviceId.trim()) data.serviceKey = serviceKey(serviceId)
  else
    throw new ValidationError({
      collection: 'service-inventory',
      errors: [{ path: 'serviceId', message: 'a phone number or circuit id is needed' }],
    })
  const splits: unknown = data.splits ?? originalDoc?.splits ?? []
  const problems = splitProblems(splits)
  if (!data.costCentre && !originalDoc?.costCentre && (!Array.isArray(splits) || splits.length === 0))
    problems.push('a cost centre or splits are needed')
  if (problems.length)
    throw new ValidationError({ collection: 'service-inventory', errors: problems.map((message) => ({ path: 'splits', message })) })
  return data
}
