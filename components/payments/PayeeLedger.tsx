'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Ledger } from '../../modules/payments/ledger'

const ROWS: [keyof Ledger, string][] = [
  ['accrued', 'Accrued (locked periods)'],
  ['paid', 'Paid'],
  ['inPayment', 'In a bank file'],
  ['held', 'Held'],
  ['carriedForward', 'Carried forward'],
  ['pending', 'Not locked yet'],
]

/** On a participant: the payee ledger, which always balances (accrued = paid + in payment + held + carried forward). */
export function PayeeLedger(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [ledger, setLedger] = useState<Ledger | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/payments/ledger/${id}`, { credentials: 'include' }).then(async (res) =>
      res.ok ? setLedger((await res.json()) as Ledger) : null,
    )
  }, [id])
  if (!id || !ledger) return null
  return (
    <div className="field-type" data-testid="payee-ledger">
      <h4>Payee ledger ({ledger.currency})</h4>
      <table>
        <tbody>
          {ROWS.map(([key, label]) => (
            <tr key={key} data-testid={`ledger-${key}`}>
              <td>{label}</td>
              <td style={{ textAlign: 'right', paddingLeft: 16 }}>{String(ledger[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="ledger-balances">
        {ledger.balances ? 'Balances: accrued = paid + in payment + held + carried forward.' : 'DOES NOT BALANCE — report this.'}
      </p>
    </div>
  )
}
