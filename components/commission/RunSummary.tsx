'use client'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import { LINE_COMPONENT_LABELS, type LineComponent } from '../../engine/commission/components/types'
import { isCurrencyCode, minorUnits } from '../../engine/core/money'
import type { RunSummary as Summary } from '../../modules/commission/summary'

/**
 * Decimal strings shown with the currency's minor units of decimals (JPY 0, USD 2, BHD 3; 2 for a summary saved
 * before it named its currency) and thousands separators. Display only, no float arithmetic; posted amounts have
 * no further decimals, so nothing is cut.
 */
function amount(value: string, currency: string | undefined): string {
  const scale = currency && isCurrencyCode(currency) ? minorUnits(currency) : 2
  const negative = value.startsWith('-')
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.')
  const decimals = scale === 0 ? '' : `.${(fraction + '0'.repeat(scale)).slice(0, scale)}`
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals}`
}

/** A commission run's totals by component and its top payees. */
export function RunSummary(): React.ReactElement {
  const summary = useFormFields(([fields]) => fields.summary?.value as Summary | null | undefined)
  if (!summary) return <div className="field-type">No result yet.</div>
  return (
    <div className="field-type" data-testid="run-summary">
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Component</th>
            <th style={{ textAlign: 'right' }}>Lines</th>
            <th style={{ textAlign: 'right' }}>Held</th>
            <th style={{ textAlign: 'right' }}>Total</th>
          </tr>
        </thead>
        <tbody>
          {summary.byComponent.map((row) => (
            <tr key={row.component} data-testid={`summary-${row.component}`}>
              <td>{LINE_COMPONENT_LABELS[row.component as LineComponent] ?? row.component}</td>
              <td style={{ textAlign: 'right' }}>{row.lines}</td>
              <td style={{ textAlign: 'right' }}>{amount(row.held, summary.currency)}</td>
              <td style={{ textAlign: 'right' }}>{amount(row.total, summary.currency)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <strong>Total</strong>
            </td>
            <td style={{ textAlign: 'right' }}>{summary.lineCount}</td>
            <td style={{ textAlign: 'right' }}>{amount(summary.held, summary.currency)}</td>
            <td style={{ textAlign: 'right' }}>
              <strong>{amount(summary.total, summary.currency)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p>Top payees: {summary.topPayees.map((p) => `${p.name} ${amount(p.total, summary.currency)}`).join(' · ')}</p>
    </div>
  )
}
