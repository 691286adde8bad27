'use client'

import { useDocumentInfo, useFormModified } from '@payloadcms/ui'
import React, { useState } from 'react'

import type { ImportPreview } from '../../modules/ingest/preview'

const box: React.CSSProperties = { overflowX: 'auto', maxWidth: '100%', border: '1px solid var(--theme-elevation-150)', marginTop: 8 }
const cell: React.CSSProperties = {
  padding: '2px 8px',
  borderBottom: '1px solid var(--theme-elevation-100)',
  whiteSpace: 'nowrap',
  textAlign: 'left',
}

function Table({ head, rows, testId }: { head: string[]; rows: React.ReactNode[][]; testId: string }): React.ReactElement {
  return (
    <div style={box}>
      <table data-testid={testId} style={{ borderCollapse: 'collapse', fontSize: 13 }}>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {row.map((value, j) => (
                <td key={j} style={cell}>
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const show = (value: unknown): string => (value === null || value === undefined ? '' : String(value))

/**
 * On a mapping's page: try the saved mapping on a file without importing it (POST /api/import-mappings/:id/preview).
 * Shows the header found, the counts an import would report, the first rows as they would be stored, the rejection
 * reasons, the values that need a translation and the footer lines skipped.
 */
export function MappingPreview(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const modified = useFormModified()
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  if (!id) return null

  const run = async () => {
    if (!file) return
    setBusy(true)
    setError(null)
    setPreview(null)
    const form = new FormData()
    form.append('file', file)
    try {
      const res = await fetch(`/api/import-mappings/${id}/preview`, { method: 'POST', body: form, credentials: 'include' })
      const body = (await res.json()) as ImportPreview & { errors?: { message: string }[] }
      if (res.ok) setPreview(body)
      else setError(body.errors?.[0]?.message ?? `HTTP ${res.status}`)
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const fields = preview?.rows[0] ? Object.keys(preview.rows[0].stored) : []
  return (
    <div className="field-type" data-testid="mapping-preview" style={{ marginBottom: 24 }}>
      <h3 style={{ margin: '8px 0' }}>Try this mapping on a file</h3>
      <p style={{ margin: '4px 0', color: 'var(--theme-elevation-600)' }}>
        A dry run: the file is read exactly as an import would read it, and nothing is written.
        {modified ? ' The saved mapping is used: save your changes first.' : ''}
      </p>
      <input type="file" accept=".xlsx,.csv,.txt" data-testid="preview-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        style={{ marginLeft: 8 }}
        disabled={!file || busy}
        onClick={() => void run()}
        data-testid="preview-run"
      >
        {busy ? 'Reading…' : 'Preview'}
      </button>
      {error ? (
        <p role="alert" data-testid="preview-error" style={{ color: 'var(--theme-error-500)' }}>
          {error}
        </p>
      ) : null}
      {preview ? (
        <div data-testid="preview-result">
          <p data-testid="preview-counts">
            Header on row {preview.header.rowNumber}. {preview.counts.rowsRead} rows read: {preview.counts.accepted} would be accepted (
            {preview.counts.new} new, {preview.counts.alreadyImported} already imported, {preview.counts.repeatedInFile} repeated in the
            file), {preview.counts.rejected} rejected; {preview.counts.blankRows} blank rows and {preview.counts.footerRows} footer lines
            skipped. Nothing was written.
          </p>
          {preview.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
          {preview.rows.length > 0 ? (
            <>
              <h4>First {preview.rows.length} rows as they would be stored</h4>
              <Table
                testId="preview-rows"
                head={['Row', ...fields]}
                rows={preview.rows.map((row) => [row.rowNumber, ...fields.map((f) => show(row.stored[f]))])}
              />
            </>
          ) : null}
          {preview.reasons.length > 0 ? (
            <>
              <h4>Rejection reasons</h4>
              <Table
                testId="preview-reasons"
                head={['Column', 'Reason', 'Rows']}
                rows={preview.reasons.map((r) => [r.column, r.reason, r.rows])}
              />
              <h4>Rejected rows{preview.counts.rejected > preview.rejected.length ? ` (first ${preview.rejected.length})` : ''}</h4>
              <Table testId="preview-rejected" head={['Row', 'Reasons']} rows={preview.rejected.map((r) => [r.rowNumber, r.reasons])} />
            </>
          ) : null}
          {preview.unknownValues.length > 0 ? (
            <>
              <h4>Values this mapping does not know (add them under Value translations)</h4>
              <Table
                testId="preview-unknown"
                head={['Column', 'Value in the file', 'Rows', 'First row']}
                rows={preview.unknownValues.map((v) => [v.column, v.value, v.rows, v.firstRow])}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  )
}
