'use client'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import { RECON_CLASS_LABELS, type ReconClass } from '../../engine/reconcile/reconciliation'

type ClassSummary = { sales: number; carrierRecords: number; expected: string; paid: string; atStake: string }
type Summary = {
  classes: Record<string, ClassSummary>
  revenueLeakage: string
  overpaymentAvoided: string
  unattributedRevenue: string
  carrierOverpaid: string
  commissionableSales: number
}

/** Amounts arrive as exact decimal strings; shown with two decimals and thousands separators, without floats. */
function formatAmount(amount: string): string {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${amount.startsWith('-') ? '-' : ''}${grouped}.${(fraction + '00').slice(0, 2)}`
}

/** The run's summary: counts and money at stake per class, and the headline figures. */
export function ReconSummary(): React.ReactElement {
  const summary = useFormFields(([fields]) => fields.summary?.value as Summary | null | undefined)
  if (!summary) return <div className="field-type">No result yet.</div>
  return (
    <div className="field-type" data-testid="recon-summary">
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Class</th>
            <th style={{ textAlign: 'right' }}>Sales</th>
            <th style={{ textAlign: 'right' }}>Carrier records</th>
            <th style={{ textAlign: 'right' }}>At stake</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(summary.classes).map(([name, c]) => (
            <tr key={name} data-testid={`class-${name}`}>
              <td>{RECON_CLASS_LABELS[name as ReconClass] ?? name}</td>
              <td style={{ textAlign: 'right' }}>{c.sales}</td>
              <td style={{ textAlign: 'right' }}>{c.carrierRecords}</td>
              <td style={{ textAlign: 'right' }}>{formatAmount(c.atStake)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Commissionable sales: <strong>{summary.commissionableSales}</strong> · Overpayment avoided:{' '}
        <strong>{formatAmount(summary.overpaymentAvoided)}</strong> · Revenue leakage found:{' '}
        <strong>{formatAmount(summary.revenueLeakage)}</strong> · Unattributed revenue:{' '}
        <strong>{formatAmount(summary.unattributedRevenue)}</strong> · Carrier overpaid:{' '}
        <strong>{formatAmount(summary.carrierOverpaid)}</strong>
      </p>
    </div>
  )
}
