'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

import { ActionButton } from '../core/ActionButton'

/** On a payment batch: bank files once it is ready, and marking it paid. */
export function PaymentBatchActions(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value as string | undefined)
  if (!id || (status !== 'ready' && status !== 'paid')) return null
  return (
    <span>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`/api/payment-batches/${id}/csv`}
        data-testid="batch-csv"
        style={{ marginRight: 8 }}
      >
        Bank CSV
      </a>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`/api/payment-batches/${id}/nacha`}
        data-testid="batch-nacha"
        style={{ marginRight: 8 }}
      >
        NACHA file
      </a>
      {status === 'ready' ? <ActionButton url={`/api/payment-batches/${id}/mark-paid`} label="Mark paid" testId="batch-mark-paid" /> : null}
    </span>
  )
}
