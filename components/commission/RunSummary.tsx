'use client'

import { useFormFields } from '@payloadcms/ui'
import React from 'react'

import { LINE_COMPONENT_LABELS, type LineComponent } from '../../engine/commission/components/types'
import type { RunSummary as Summary } from '../../modules/commission/summary'

/** Decimal strings shown with two decimals and thousands separators (display only, no float arithmetic). */
function amount(value: string): string {
  const negative = value.startsWith('-')
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.')
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(fraction + '00').slice(0, 2)}`
}

/** A commission run's totals by component and its top payees. */
export function RunSummary(): React.ReactElement {
  const summary = useFormFields(([fields]) => fields.summary?.value as Summary | null | undefined)
  if (!summary) return <div className="field-type">No result yet.</div>
  return (
    <div className="field-type" data-testid="run-summary">
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr><th style={{ textAlign: 'left' }}>Component</th><th style={{ textAlign: 'right' }}>Lines</th><th style={{ textAlign: 'right' }}>Held</th><th style={{ textAlign: 'right' }}>Total</th></tr>
        </thead>
        <tbody>
          {summary.byComponent.map((row) => (
            <tr key={row.component} data-testid={`summary-${row.component}`}>
              <td>{LINE_COMPONENT_LABELS[row.component as LineComponent] ?? row.component}</td>
              <td style={{ textAlign: 'right' }}>{row.lines}</td>
              <td style={{ textAlign: 'right' }}>{amount(row.held)}</td>
              <td style={{ textAlign: 'right' }}>{amount(row.total)}</td>
            </tr>
          ))}
          <tr><td><strong>Total</strong></td><td style={{ textAlign: 'right' }}>{summary.lineCount}</td><td style={{ textAlign: 'right' }}>{amount(summary.held)}</td><td style={{ textAlign: 'right' }}><strong>{amount(summary.total)}</strong></td></tr>
        </tbody>
      </table>
      <p>Top payees: {summary.topPayees.map((p) => `${p.name} ${amount(p.total)}`).join(' · ')}</p>
    </div>
  )
}
