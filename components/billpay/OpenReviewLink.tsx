'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

/** On an invoice's admin page: a link to review it beside its PDF in the bill payment view. */
export function OpenReviewLink(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <a className="btn btn--style-secondary btn--size-small" href={`/admin/billpay?invoice=${id}`} data-testid="billpay-open-review">
      Review beside the PDF
    </a>
  )
}
