'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React from 'react'

/** On a mapping's page: download its standardized Excel template. */
export function TemplateDownload(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  if (!id) return null
  return (
    <a
      className="btn btn--style-secondary btn--size-small"
      href={`/api/import-mappings/${id}/template`}
      download
      data-testid="template-download"
    >
      Download Excel template
    </a>
  )
}
