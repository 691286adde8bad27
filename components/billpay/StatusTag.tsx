import React from 'react'

import { STATUS_LABELS, type InvoiceStatus } from '../../engine/billpay/states'

/** The human label of an invoice status ("Approval needed"), or the value itself when it is not a known status. */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as InvoiceStatus] ?? status
}

/** An invoice's status as a coloured tag: its text is the status value, its title the label. */
export function StatusTag({ status, testId }: { status: string; testId?: string }): React.ReactElement {
  return (
    <span className={`bp-tag bp-tag-${status}`} title={statusLabel(status)} data-testid={testId} data-status={status}>
      {status}
    </span>
  )
}
