/** The portal's server-rendered pages: plain HTML, inline CSS, no scripts and nothing loaded from elsewhere. */
import { LAYOUT_SPECS, cellsOf, type Layout } from './columns'
import type { ActivationRow } from './data'

export const PORTAL_NAME = 'Vertex Wireless Dealer Portal'

const CSS = `
body{font-family:Arial,Helvetica,sans-serif;margin:0;background:#f3f5f8;color:#1d2633}
header{background:#5b1e91;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
header .brand{font-weight:bold;font-size:18px} header a{color:#fff}
main{padding:24px} .card{background:#fff;border:1px solid #d6dbe3;border-radius:6px;padding:24px;max-width:380px;margin:48px auto}
label{display:block;margin:12px 0 4px;font-size:13px} input{padding:6px 8px;border:1px solid #aab3c0;border-radius:4px}
.card input{width:100%;box-sizing:border-box} button,.button{background:#5b1e91;color:#fff;border:0;border-radius:4px;padding:7px 14px;text-decoration:none;cursor:pointer;display:inline-block}
.alert{padding:10px 12px;border-radius:4px;margin-bottom:12px}.alert-error{background:#fde8e8;color:#9b1c1c}.alert-info{background:#e8f0fd;color:#1c3f9b}
.filters{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap}.filters label{margin-top:0}
.toolbar,.toolbar-v2{margin:16px 0;display:flex;gap:8px;align-items:center}.toolbar-v2{justify-content:flex-end}
table{border-collapse:collapse;background:#fff;font-size:12px;width:100%}th,td{border:1px solid #d6dbe3;padding:4px 6px;text-align:left;white-space:nowrap}
th{background:#ece6f4}td.num{text-align:right}.pager{margin:12px 0;display:flex;gap:16px;align-items:center}
`

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function page(title: string, body: string, user?: string): string {
  const account = user
    ? `<span class="user">Signed in as <strong id="current-user">${esc(user)}</strong> · <a id="logout" href="/logout">Sign out</a></span>`
    : ''
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · ${PORTAL_NAME}</title><style>${CSS}</style></head>
<body><header><span class="brand">${PORTAL_NAME} <small>(VTX)</small></span>${account}</header>
<main>${body}</main></body></html>`
}

const alert = (kind: 'error' | 'info', id: string, text: string | undefined): string =>
  text ? `<div class="alert alert-${kind}" role="alert" id="${id}">${esc(text)}</div>` : ''

export function loginPage(opts: { csrf: string; error?: string; notice?: string; username?: string }): string {
  return page(
    'Sign in',
    `<div class="card"><h1>Dealer sign in</h1>
${alert('info', 'login-notice', opts.notice)}${alert('error', 'login-error', opts.error)}
<form id="login-form" method="post" action="/login">
<input type="hidden" name="_csrf" value="${esc(opts.csrf)}">
<label for="username">User ID</label><input id="username" name="username" autocomplete="username" value="${esc(opts.username ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<p><button id="sign-in" type="submit">Sign in</button></p>
</form></div>`,
  )
}

export function otpPage(opts: { csrf: string; error?: string }): string {
  return page(
    'Verification code',
    `<div class="card"><h1>Two-step verification</h1>
<p>Enter the 6-digit code from your authenticator app.</p>
${alert('error', 'otp-error', opts.error)}
<form id="otp-form" method="post" action="/login/otp">
<input type="hidden" name="_csrf" value="${esc(opts.csrf)}">
<label for="otp">Verification code</label><input id="otp" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" pattern="[0-9]{6}">
<p><button id="verify" type="submit">Verify</button></p>
</form></div>`,
  )
}

export type ReportView = {
  layout: Layout
  user: string
  from: string
  to: string
  page: number
  pages: number
  total: number
  rows: readonly ActivationRow[]
  firstIndex: number
  error?: string
}

export function reportQuery(from: string, to: string, pageNo?: number): string {
  const params = new URLSearchParams({ from, to })
  if (pageNo !== undefined) params.set('page', String(pageNo))
  return params.toString()
}

export function reportPage(view: ReportView): string {
  const spec = LAYOUT_SPECS[view.layout]
  const amountFrom = spec.columns.length - 3
  const head = spec.columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('')
  const body = view.rows
    .map(
      (row) =>
        `<tr>${cellsOf(view.layout, row)
          .map((v, i) => `<td${i >= amountFrom ? ' class="num"' : ''}>${esc(v)}</td>`)
          .join('')}</tr>`,
    )
    .join('\n')
  const exportLink = `<div class="${spec.toolbarClass}"><a id="${spec.exportId}" class="button" href="/reports/activations.csv?${esc(reportQuery(view.from, view.to))}" download>${esc(spec.exportLabel)}</a></div>`
  const prev =
    view.page > 1
      ? `<a class="prev-page" rel="prev" href="/reports/activations?${esc(reportQuery(view.from, view.to, view.page - 1))}">‹ Previous</a>`
      : ''
  const next =
    view.page < view.pages
      ? `<a class="next-page" rel="next" href="/reports/activations?${esc(reportQuery(view.from, view.to, view.page + 1))}">Next ›</a>`
      : ''
  const shown =
    view.total === 0
      ? 'No activations in this range'
      : `Showing ${view.firstIndex + 1}–${view.firstIndex + view.rows.length} of ${view.total} activations`
  return page(
    'Activations report',
    `<h1>Activations report</h1>
${alert('error', 'report-error', view.error)}
<form id="filter" class="filters" method="get" action="/reports/activations">
<div><label for="from">From</label><input id="from" name="from" type="date" value="${esc(view.from)}"></div>
<div><label for="to">To</label><input id="to" name="to" type="date" value="${esc(view.to)}"></div>
<div><button id="apply" type="submit">Apply</button></div>
</form>
${view.layout === 'standard' ? exportLink : ''}
<p class="row-count">${shown}</p>
<table id="${spec.tableId}"><thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table>
<nav class="pager">${prev}<span class="page-info">Page ${view.page} of ${view.pages}</span>${next}</nav>
${view.layout === 'changed' ? exportLink : ''}`,
    view.user,
  )
}

/** The billing page: the account's invoices, each with a download link (class "invoice-download"). */
export function invoicesPage(user: string, invoices: { fileName: string; issued: string; amount: string; index: number }[]): string {
  const rows = invoices
    .map(
      (invoice) =>
        `<tr><td>${esc(invoice.issued)}</td><td>${esc(invoice.fileName)}</td><td class="num">${esc(invoice.amount)}</td><td><a class="invoice-download" href="/billing/invoices/${invoice.index}/download">Download PDF</a></td></tr>`,
    )
    .join('')
  return page(
    'Invoices',
    `<h1>Billing · Invoices</h1><table id="invoices"><thead><tr><th>Issued</th><th>File</th><th>Amount</th><th></th></tr></thead><tbody>${rows || '<tr><td colspan="4">No invoices.</td></tr>'}</tbody></table>`,
    user,
  )
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    `<div class="card"><h1 id="error-title">${esc(title)}</h1><p id="error-message">${esc(message)}</p><p><a href="/reports/activations">Back to reports</a></p></div>`,
  )
}
