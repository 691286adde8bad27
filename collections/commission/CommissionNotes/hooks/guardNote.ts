import type { CollectionBeforeChangeHook } from 'payload'

import type { CommissionNote } from '../../../../payload-types'

import { lockedLineProblem } from '../../../../modules/commission/lockedLine'
import { MoneyError, money, isZero } from '../../../../engine/core/money'
import { toStoredAmount } from '../../../../fields/core/money'
import { fieldError } from '../../../../hooks/core/fieldError'
import { relationId } from '../../../../hooks/core/relationId'
import { findOrNull } from '../../../../modules/core/findOrNull'

/** A note goes into an open period, is not zero, and cannot be edited once its period is locked. */
export const guardNote: CollectionBeforeChangeHook<CommissionNote> = async ({ data, originalDoc, req }) => {
  const periodId = relationId(data.period ?? originalDoc?.period)
  const period =
    periodId === null ? null : await findOrNull(req.payload.findByID({ collection: 'commission-periods', id: periodId, depth: 0, req }))
  if (!period) throw fieldError('commission-notes', 'period', 'choose an open period')
  if (period.status === 'locked')
    throw fieldError('commission-notes', 'period', `period ${period.label} is locked; post the note in an open period`)
  if (originalDoc) {
    const before = originalDoc.period
      ? await findOrNull(req.payload.findByID({ collection: 'commission-periods', id: relationId(originalDoc.period)!, depth: 0, req }))
      : null
    if (before?.status === 'locked')
      throw fieldError('commission-notes', 'amount', 'this note was posted in a locked period and can no longer change; post another note')
  }
  const corrects = relationId(data.correctsLine)
  if (corrects !== null && corrects !== relationId(originalDoc?.correctsLine)) {
    const problem = await lockedLineProblem(req, corrects)
    if (problem) throw fieldError('commission-notes', 'correctsLine', problem)
  }
  const amount = String(data.amount ?? originalDoc?.amount ?? '0')
  if (isZero(money(validAmount(data.amount ?? originalDoc?.amount ?? '0'), 'USD')))
    throw fieldError('commission-notes', 'amount', 'a note of zero changes nothing')
  const kind = amount.startsWith('-') ? 'Debit' : 'Credit'
  data.title = `${kind} note ${amount.replace(/^-/, '')} · ${period.label}`
  return data
}

/** The note's amount as stored ("12.5000"); anything that is not a decimal string (NaN, 1e400, 0x10, 12.5 as a number) is a 400 on the field. */
function validAmount(value: unknown): string {
  try {
    return toStoredAmount(value, 'amount')
  } catch (err) {
    if (err instanceof MoneyError) throw fieldError('commission-notes', 'amount', err.message)
    throw err
  }
}
