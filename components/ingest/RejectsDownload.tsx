'use client'

import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

/** On an import's page: download its rejected rows (original columns + Errors) to fix and import again. */
export function RejectsDownload(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const rejected = useFormFields(([fields]) => fields.rejected?.value as number | undefined)
  if (!id || !rejected) return null
  return (
    <a className="btn btn--style-secondary btn--size-small" href={`/api/imports/${id}/rejects`} download data-testid="rejects-download">
      Download {rejected} rejected rows
    </a>
  )
}
