'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

/** On a statement: download its PDF and xlsx. */
export function StatementDownloads(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <span>
      <a
        className="btn btn--style-secondary btn--size-small"
        href={`/api/commission-statements/${id}/pdf`}
        data-testid="statement-pdf"
        style={{ marginRight: 8 }}
      >
        PDF
      </a>
      <a className="btn btn--style-secondary btn--size-small" href={`/api/commission-statements/${id}/xlsx`} data-testid="statement-xlsx">
        Excel
      </a>
    </span>
  )
}
