'use client'

import React from 'react'

import { amountText } from './api'

export type Drilldown = {
  memo: {
    id: number
    number: string
    status: string
    amount: string
    currency: string
    memoDate: string
    erpNumber: string | null
    claim: { id: number; number: string; status: string; approvedTotal: string }
    partner: { id: number; code: string; name: string }
  }
  lines: {
    id: number
    lineNumber: number
    reference: string
    quantity: number
    amount: string
    status: string
    reason: string
    dispute: string | null
    program: string | null
    programKind: string | null
    posLine: {
      id: number
      invoiceNumber: string
      invoiceLine: number
      soldOn: string
      endCustomer: string | null
      sku: string
      quantity: number
      unitPrice: string
      currency: string
      dealNumber: string | null
    } | null
  }[]
  invoices: {
    invoiceNumber: string
    soldOn: string
    endCustomer: string | null
    lines: { line: number; sku: string; quantity: number; unitPrice: string }[]
  }[]
}

/** Memo → claim → claim lines → the point-of-sale invoice lines they rest on, as nested tables (GET …/drilldown). */
export function MemoDrilldown({ data }: { data: Drilldown }): React.ReactElement {
  const { memo } = data
  const currency = memo.currency
  return (
    <div className="rb-drilldown" data-testid="drilldown">
      <div className="rb-scroll">
        <table className="rb-table">
          <thead>
            <tr>
              <th>Credit memo</th>
              <th>Partner</th>
              <th>Date</th>
              <th>Status</th>
              <th className="amount">Amount</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{memo.number}</td>
              <td>
                {memo.partner.name} ({memo.partner.code})
              </td>
              <td>{memo.memoDate}</td>
              <td>{memo.status}</td>
              <td className="amount" data-amount={memo.amount}>
                {amountText(memo.amount, currency)}
              </td>
            </tr>
            <tr>
              <td colSpan={5} className="rb-nest">
                <table className="rb-table" data-testid="drilldown-claim">
                  <thead>
                    <tr>
                      <th>Claim</th>
                      <th>Status</th>
                      <th className="amount">Approved</th>
                    </tr>
                  </thead>
                  <tbody>
                    <tr>
                      <td>{memo.claim.number}</td>
                      <td>{memo.claim.status}</td>
                      <td className="amount" data-amount={memo.claim.approvedTotal}>
                        {amountText(memo.claim.approvedTotal, currency)}
                      </td>
                    </tr>
                    <tr>
                      <td colSpan={3} className="rb-nest">
                        <ClaimLines data={data} />
                      </td>
                    </tr>
                  </tbody>
                </table>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {data.invoices.length > 0 ? (
        <>
          <h4>Point-of-sale invoices</h4>
          <div className="rb-scroll">
            <table className="rb-table" data-testid="drilldown-invoices">
              <thead>
                <tr>
                  <th>Invoice</th>
                  <th>Sold on</th>
                  <th>End customer</th>
                  <th>Line</th>
                  <th>SKU</th>
                  <th className="amount">Quantity</th>
                  <th className="amount">Unit price</th>
                </tr>
              </thead>
              <tbody>
                {data.invoices.flatMap((invoice) =>
                  invoice.lines.map((l, index) => (
                    <tr key={`${invoice.invoiceNumber}/${l.line}`} data-testid={`drilldown-invoice-${invoice.invoiceNumber}-${l.line}`}>
                      <td>{index === 0 ? invoice.invoiceNumber : ''}</td>
                      <td>{index === 0 ? invoice.soldOn : ''}</td>
                      <td>{index === 0 ? (invoice.endCustomer ?? '—') : ''}</td>
                      <td>{l.line}</td>
                      <td>{l.sku}</td>
                      <td className="amount">{l.quantity}</td>
                      <td className="amount">{amountText(l.unitPrice, currency)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}

function ClaimLines({ data }: { data: Drilldown }): React.ReactElement {
  const currency = data.memo.currency
  return (
    <table className="rb-table" data-testid="drilldown-lines">
      <thead>
        <tr>
          <th>Line</th>
          <th>Reference</th>
          <th>Program</th>
          <th>Status</th>
          <th className="amount">Quantity</th>
          <th className="amount">Amount</th>
          <th>Point-of-sale line</th>
        </tr>
      </thead>
      <tbody>
        {data.lines.map((line) => (
          <tr key={line.id} data-testid={`drilldown-line-${line.lineNumber}`}>
            <td>{line.lineNumber}</td>
            <td>{line.reference}</td>
            <td>
              {line.program ?? '—'}
              {line.programKind ? <span className="rb-muted"> ({line.programKind.replace(/_/g, ' ')})</span> : null}
            </td>
            <td>
              {line.status}
              {line.dispute ? ` · dispute ${line.dispute}` : ''}
              <div className="rb-muted">{line.reason}</div>
            </td>
            <td className="amount">{line.quantity}</td>
            <td className="amount" data-amount={line.amount}>
              {amountText(line.amount, currency)}
            </td>
            <td className="rb-nest">
              {line.posLine ? (
                <table className="rb-table">
                  <tbody>
                    <tr>
                      <td>
                        {line.posLine.invoiceNumber}/{line.posLine.invoiceLine}
                      </td>
                      <td>{line.posLine.soldOn}</td>
                      <td>{line.posLine.sku}</td>
                      <td className="amount">{line.posLine.quantity} units</td>
                      <td className="amount">{amountText(line.posLine.unitPrice, line.posLine.currency)}</td>
                      <td>{line.posLine.endCustomer ?? '—'}</td>
                      {line.posLine.dealNumber ? <td>deal {line.posLine.dealNumber}</td> : null}
                    </tr>
                  </tbody>
                </table>
              ) : (
                <span className="rb-muted">no point-of-sale line</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
