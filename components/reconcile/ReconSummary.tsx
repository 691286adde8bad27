'use client'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import { format, isCurrencyCode, money } from '../../engine/core/money'
import { RECON_CLASS_LABELS, type ReconClass } from '../../engine/reconcile/reconciliation'

type ClassSummary = { sales: number; carrierRecords: number; expected: string; paid: string; atStake: string }
type Summary = {
  classes: Record<string, ClassSummary>
  revenueLeakage: string
  overpaymentAvoided: string
  unattributedRevenue: string
  carrierOverpaid: string
  commissionableSales: number
  /** The carrier's currency (runs summarised before it was recorded have none and show USD's two decimals). */
  currency?: string
}

/**
 * Amounts arrive as exact decimal strings; shown with the run currency's own decimals (JPY none, BHD three) and
 * thousands separators, without floats. The currency is named once, above the table.
 */
function formatAmount(amount: string, currency: string): string {
  if (!isCurrencyCode(currency)) return amount
  return format(money(amount, currency)).slice(currency.length + 1)
}

/** The run's summary: counts and money at stake per class, and the headline figures. */
export function ReconSummary(): React.ReactElement {
  const summary = useFormFields(([fields]) => fields.summary?.value as Summary | null | undefined)
  if (!summary) return <div className="field-type">No result yet.</div>
  const currency = summary.currency ?? 'USD'
  return (
    <div className="field-type" data-testid="recon-summary">
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Class</th>
            <th style={{ textAlign: 'right' }}>Sales</th>
            <th style={{ textAlign: 'right' }}>Carrier records</th>
            <th style={{ textAlign: 'right' }}>At stake ({currency})</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(summary.classes).map(([name, c]) => (
            <tr key={name} data-testid={`class-${name}`}>
              <td>{RECON_CLASS_LABELS[name as ReconClass] ?? name}</td>
              <td style={{ textAlign: 'right' }}>{c.sales}</td>
              <td style={{ textAlign: 'right' }}>{c.carrierRecords}</td>
              <td style={{ textAlign: 'right' }}>{formatAmount(c.atStake, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Commissionable sales: <strong>{summary.commissionableSales}</strong> · Overpayment avoided:{' '}
        <strong>{formatAmount(summary.overpaymentAvoided, currency)}</strong> · Revenue leakage found:{' '}
        <strong>{formatAmount(summary.revenueLeakage, currency)}</strong> · Unattributed revenue:{' '}
        <strong>{formatAmount(summary.unattributedRevenue, currency)}</strong> · Carrier overpaid:{' '}
        <strong>{formatAmount(summary.carrierOverpaid, currency)}</strong>
      </p>
    </div>
  )
}
