/**
 * The review page's inputs when the invoice is read again while a reviewer types (the live refresh, or the answer to a
 * save sent before the last keystrokes): what was typed stays, everything else follows the invoice as it is now.
 */
import { describe, expect, it } from 'vitest'

import { refreshDraft, type Draft } from '../../../components/billpay/corrections'

const empty: Draft['header'] = {
  accountNumber: '',
  invoiceNumber: '',
  statementDate: '',
  dueDate: '',
  previousBalance: '',
  payments: '',
  newCharges: '',
  taxes: '',
  totalDue: '',
  currency: '',
}
const draft = (header: Partial<Draft['header']>, lines: Draft['lines'] = {}): Draft => ({ header: { ...empty, ...header }, lines })

describe('refreshing the review inputs while the reviewer types', () => {
  it('keeps every header field typed since the inputs were filled, and takes the rest from the invoice as read now', () => {
    const was = draft({ accountNumber: '8001', invoiceNumber: 'NTL-1' })
    const typed = draft({ accountNumber: '8001', invoiceNumber: 'NTL-1', statementDate: '2026-11-05', newCharges: '1234.56' })
    const fresh = draft({ accountNumber: '8001', invoiceNumber: 'NTL-1', currency: 'USD' })
    const refreshed = refreshDraft(was, fresh, typed)
    expect(refreshed.draft.header).toEqual({
      ...empty,
      accountNumber: '8001',
      invoiceNumber: 'NTL-1',
      statementDate: '2026-11-05',
      newCharges: '1234.56',
      currency: 'USD',
    })
    expect(refreshed.kept).toEqual(['header.statementDate', 'header.newCharges'])
    expect(refreshed.conflicts).toEqual([])
  })

  it('names a typed field someone else also changed, and keeps what this reviewer typed in it', () => {
    const was = draft({ dueDate: '2026-11-20' })
    const typed = draft({ dueDate: '2026-11-25' })
    const fresh = draft({ dueDate: '2026-11-30' })
    const refreshed = refreshDraft(was, fresh, typed)
    expect(refreshed.draft.header.dueDate).toBe('2026-11-25')
    expect(refreshed.conflicts).toEqual(['header.dueDate'])
  })

  it('after a save, shows the saved values but keeps what was typed while the save was under way', () => {
    // What the save sent, what the reviewer typed while it was sent, and the invoice the save answered.
    const sent = draft({ statementDate: '2026-11-05', dueDate: '2026-11-25', totalDue: '100.00' })
    const typed = draft({ statementDate: '2026-11-05', dueDate: '2026-11-25', totalDue: '100.00', taxes: '7.50' })
    const answered = draft({ statementDate: '2026-11-05', dueDate: '2026-11-25', totalDue: '100.00' })
    const refreshed = refreshDraft(sent, answered, typed)
    expect(refreshed.draft.header).toEqual({
      ...empty,
      statementDate: '2026-11-05',
      dueDate: '2026-11-25',
      totalDue: '100.00',
      taxes: '7.50',
    })
    expect(refreshed.kept).toEqual(['header.taxes'])
  })

  it('an amount typed as the same value in other digits ("12.5" for "12.50") is no edit: the invoice’s value is shown', () => {
    const refreshed = refreshDraft(draft({ taxes: '12.50' }), draft({ taxes: '13.00' }), draft({ taxes: '12.5' }))
    expect(refreshed.draft.header.taxes).toBe('13.00')
    expect(refreshed.kept).toEqual([])
  })

  it('keeps a line’s typed amount and GL code, takes its untouched cost centre and every other line from the invoice', () => {
    const was = draft({}, { 1: { amount: '10.00', glCode: '', costCentre: '' }, 2: { amount: '5.00', glCode: '6100', costCentre: 'OPS' } })
    const typed = draft(
      {},
      { 1: { amount: '12.00', glCode: '6410', costCentre: '' }, 2: { amount: '5.00', glCode: '6100', costCentre: 'OPS' } },
    )
    const fresh = draft(
      {},
      {
        1: { amount: '10.00', glCode: '', costCentre: 'CC-100' },
        2: { amount: '5.00', glCode: '6200', costCentre: 'OPS' },
        3: { amount: '1.00', glCode: '', costCentre: '' },
      },
    )
    const refreshed = refreshDraft(was, fresh, typed)
    expect(refreshed.draft.lines).toEqual({
      1: { amount: '12.00', glCode: '6410', costCentre: 'CC-100' },
      2: { amount: '5.00', glCode: '6200', costCentre: 'OPS' },
      3: { amount: '1.00', glCode: '', costCentre: '' },
    })
    expect(refreshed.kept).toEqual(['line 1.amount', 'line 1.glCode'])
  })
})
