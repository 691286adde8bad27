'use client'

import React, { useMemo, useState } from 'react'

import type { PosLine, RebateAccrual, RebateProgram } from '../../../payload-types'
import { ClaimByInvoice, ClaimResult, ClaimUpload } from './ClaimForms'
import { day, ErrorText, LoadState, money, postJson, useApi, type Page, type SubmittedClaim } from './shared'

type OpenAccrual = RebateAccrual & { posLine: PosLine; program: RebateProgram }

function populated(accrual: RebateAccrual): accrual is OpenAccrual {
  return typeof accrual.posLine === 'object' && typeof accrual.program === 'object'
}

function pickKey(a: OpenAccrual): string {
  return `${a.posLine.invoiceNumber}-${a.posLine.invoiceLine}-${a.program.code}`
}

/**
 * The partner's open accruals (sales that earned a rebate not claimed yet) with a checkbox each and "Submit claim";
 * a claim by invoice for a sale not listed, and a spreadsheet upload. The last answer is shown line by line.
 */
export function UnclaimedSales({
  version,
  skus,
  onChanged,
}: {
  version: number
  skus: Record<string, string>
  onChanged: () => void
}): React.ReactElement {
  const { data, error, loading } = useApi<Page<RebateAccrual>>(
    '/api/rebate-accruals?where[status][equals]=open&depth=1&limit=200&sort=expiresOn',
    version,
  )
  const rows = useMemo(() => (data?.docs ?? []).filter(populated), [data])
  const programs = useMemo(() => [...new Set(rows.map((a) => a.program.code))].sort(), [rows])
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set())
  const [busy, setBusy] = useState(false)
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [result, setResult] = useState<SubmittedClaim | null>(null)

  const submitted = (claim: SubmittedClaim): void => {
    setResult(claim)
    setPicked(new Set())
    onChanged()
  }
  const toggle = (id: number): void =>
    setPicked((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const submit = async (): Promise<void> => {
    const lines = rows.filter((a) => picked.has(a.id)).map((a) => ({ posLine: a.posLine.id, program: a.program.code }))
    if (lines.length === 0) return
    setBusy(true)
    setSubmitError(null)
    const answer = await postJson<SubmittedClaim>('/api/rebate-claims/submit', { source: 'portal', lines })
    setBusy(false)
    if (answer.ok) submitted(answer.data)
    else setSubmitError(answer.error)
  }
  const pickedTotal = rows.filter((a) => picked.has(a.id)).length

  return (
    <section id="unclaimed" className="portal-section">
      <h2>Unclaimed sales</h2>
      {data && rows.length === 0 ? <p className="empty">No open sales to claim.</p> : null}
      {rows.length > 0 ? (
        <table className="rebates-table" data-testid="unclaimed-sales">
          <thead>
            <tr>
              <th aria-label="Claim" />
              <th>Invoice / line</th>
              <th>Sold</th>
              <th>SKU</th>
              <th>Customer</th>
              <th>Program</th>
              <th className="amount">Amount</th>
              <th>Claim by</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const product = a.posLine.product
              const sku = typeof product === 'object' ? product.code : (skus[String(product)] ?? `#${product}`)
              return (
                <tr key={a.id} data-testid={`unclaimed-${pickKey(a)}`} data-accrual={a.id}>
                  <td data-label="Claim">
                    <input
                      type="checkbox"
                      checked={picked.has(a.id)}
                      onChange={() => toggle(a.id)}
                      aria-label={`Claim ${a.posLine.invoiceNumber} line ${a.posLine.invoiceLine} under ${a.program.code}`}
                      data-testid={`claim-pick-${pickKey(a)}`}
                    />
                  </td>
                  <td data-label="Invoice">
                    {a.posLine.invoiceNumber} / {a.posLine.invoiceLine}
                  </td>
                  <td data-label="Sold">{day(a.soldOn)}</td>
                  <td data-label="SKU">{sku}</td>
                  <td data-label="Customer">{a.posLine.endCustomer}</td>
                  <td data-label="Program">{a.program.code}</td>
                  <td data-label="Amount" className="amount" data-amount={a.amount}>
                    {money(a.amount, a.currency)}
                  </td>
                  <td data-label="Claim by">{day(a.expiresOn)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : null}
      {data && data.totalDocs > rows.length ? (
        <p className="rebates-hint">
          The first {rows.length} of {data.totalDocs} open sales, those expiring first.
        </p>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="unclaimed-error" />
      {rows.length > 0 ? (
        <div className="rebates-actions">
          <button
            type="button"
            className="primary"
            disabled={busy || pickedTotal === 0}
            onClick={() => void submit()}
            data-testid="submit-claim"
          >
            {busy ? 'Submitting…' : `Submit claim${pickedTotal > 0 ? ` (${pickedTotal})` : ''}`}
          </button>
          <ErrorText text={submitError} testId="submit-claim-error" />
        </div>
      ) : null}
      {result ? <ClaimResult claim={result} /> : null}
      <div className="rebates-forms">
        <ClaimByInvoice programs={programs} onSubmitted={submitted} />
        <ClaimUpload onSubmitted={submitted} />
      </div>
    </section>
  )
}
