'use client'

import React, { useState } from 'react'

import { ErrorText, money, postForm, postJson, Status, type SubmittedClaim } from './shared'

/** The answer to a submitted claim: its number, status, totals and each line's decision with the reason. */
export function ClaimResult({ claim }: { claim: SubmittedClaim }): React.ReactElement {
  return (
    <div className="rebates-result" role="status" data-testid="submitted-claim" data-status={claim.status}>
      <p>
        Claim <strong data-testid="submitted-claim-number">{claim.number}</strong> is{' '}
        <Status value={claim.status} testId="submitted-claim-status" />: {claim.counts.approved} approved, {claim.counts.rejected} rejected,{' '}
        {claim.counts.needs_review} to review; claimed {money(claim.claimedTotal, claim.currency)}, approved{' '}
        {money(claim.approvedTotal, claim.currency)}.
      </p>
      <table className="rebates-table">
        <thead>
          <tr>
            <th>Line</th>
            <th>Sale and program</th>
            <th>Units</th>
            <th className="amount">Amount</th>
            <th>Decision</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {claim.lines.map((line) => (
            <tr key={line.lineNumber} data-testid={`submitted-line-${line.lineNumber}`} data-status={line.status}>
              <td data-label="Line">{line.lineNumber}</td>
              <td data-label="Sale">{line.reference}</td>
              <td data-label="Units">{line.quantity}</td>
              <td data-label="Amount" className="amount">
                {money(line.amount, claim.currency)}
              </td>
              <td data-label="Decision">
                <Status value={line.status} />
              </td>
              <td data-label="Reason">{line.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

type Submitted = (claim: SubmittedClaim) => void

/** Claims one sale by its invoice (for a sale not in the list): invoice number, line, program code, units. */
export function ClaimByInvoice({ programs, onSubmitted }: { programs: readonly string[]; onSubmitted: Submitted }): React.ReactElement {
  const [invoiceNumber, setInvoiceNumber] = useState('')
  const [invoiceLine, setInvoiceLine] = useState('1')
  const [program, setProgram] = useState('')
  const [quantity, setQuantity] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const line: Record<string, unknown> = { invoiceNumber: invoiceNumber.trim(), invoiceLine: Number(invoiceLine), program: program.trim() }
    if (quantity.trim() !== '') line.quantity = Number(quantity)
    const answer = await postJson<SubmittedClaim>('/api/rebate-claims/submit', { source: 'portal', lines: [line] })
    setBusy(false)
    if (!answer.ok) return setError(answer.error)
    setInvoiceNumber('')
    setQuantity('')
    onSubmitted(answer.data)
  }
  return (
    <form className="rebates-form" onSubmit={(event) => void send(event)} data-testid="claim-invoice-form">
      <h3 className="rebates-sub">Claim a sale by its invoice</h3>
      <div className="rebates-fields">
        <label>
          Invoice number
          <input required value={invoiceNumber} onChange={(e) => setInvoiceNumber(e.target.value)} data-testid="claim-invoice-number" />
        </label>
        <label>
          Line
          <input
            required
            type="number"
            min={1}
            step={1}
            value={invoiceLine}
            onChange={(e) => setInvoiceLine(e.target.value)}
            data-testid="claim-invoice-line"
          />
        </label>
        <label>
          Program code
          <input
            required
            list="rebates-program-codes"
            value={program}
            onChange={(e) => setProgram(e.target.value)}
            data-testid="claim-invoice-program"
          />
          <datalist id="rebates-program-codes">
            {programs.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
        </label>
        <label>
          Units (optional)
          <input
            type="number"
            min={1}
            step={1}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="claim-invoice-quantity"
          />
        </label>
      </div>
      <button type="submit" className="primary small" disabled={busy} data-testid="claim-invoice-send">
        {busy ? 'Sending…' : 'Claim this sale'}
      </button>
      <ErrorText text={error} testId="claim-invoice-error" />
    </form>
  )
}

/** Claims from a spreadsheet (.xlsx or .csv: Invoice Number, Invoice Line, Program, Quantity?, Claimed Amount?). */
export function ClaimUpload({ onSubmitted }: { onSubmitted: Submitted }): React.ReactElement {
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [inputKey, setInputKey] = useState(0)
  const send = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault()
    if (!file) return
    setBusy(true)
    setError(null)
    const form = new FormData()
    form.append('file', file)
    const answer = await postForm<SubmittedClaim>('/api/rebate-claims/upload', form)
    setBusy(false)
    if (!answer.ok) return setError(answer.error)
    setFile(null)
    setInputKey((k) => k + 1)
    onSubmitted(answer.data)
  }
  return (
    <form className="rebates-form" onSubmit={(event) => void send(event)} data-testid="claim-upload-form">
      <h3 className="rebates-sub">Claim from a spreadsheet</h3>
      <p className="rebates-hint">
        An .xlsx or .csv file with the columns Invoice Number, Invoice Line, Program, and optionally Quantity and Claimed Amount.
      </p>
      <input
        key={inputKey}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        data-testid="claim-upload-file"
      />
      <button type="submit" className="primary small" disabled={busy || !file} data-testid="claim-upload-send">
        {busy ? 'Uploading…' : 'Upload claim'}
      </button>
      <ErrorText text={error} testId="claim-upload-error" />
    </form>
  )
}
