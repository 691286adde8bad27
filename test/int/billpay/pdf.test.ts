/**
 * PDF invoices end to end on real files: each carrier layout rendered by the project's PDF renderer from a spec,
 * then read back by pdf.js and the carrier's layout template. Every header figure and every line must equal the
 * SPEC that was rendered (never the parser's own output): credits in the carrier's style, thousands separators, page
 * breaks with repeated headers, footers and carried-forward subtotals. Also a ≥ 300-page invoice read page by page
 * with its memory growth measured, a redesigned layout, and files that are not readable PDFs.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

import { describe, expect, it } from 'vitest'

import { DEMO_TEMPLATES } from '../../../engine/billpay/layouts'
import { D } from '../../../engine/core/decimal'
import type { ParsedInvoice } from '../../../engine/billpay/types'
import { PdfReadError, pdfPages } from '../../../modules/billpay/pdfText'
import { readPdfInvoice } from '../../../modules/billpay/readPdf'
import {
  renderChangedLayoutPdf,
  renderInvoicePdf,
  sampleInvoiceSpec,
  type InvoiceLayout,
  type InvoiceSpec,
} from '../../../seed/billpay/invoicePdf'

/** The spec's lines as the reader must hand them back. */
const expectedLines = (spec: InvoiceSpec) =>
  spec.lines.map((l, i) => ({
    lineNo: i + 1,
    serviceId: l.serviceId,
    description: l.description,
    chargeType: l.chargeType,
    amount: l.amount,
  }))
const readLines = (inv: ParsedInvoice) =>
  inv.lines.map((l) => ({
    lineNo: l.lineNo,
    serviceId: l.serviceId,
    description: l.description,
    chargeType: l.chargeType,
    amount: l.amount,
  }))

/** A hand-written spec with the cases that matter: credits, thousands, account-level lines. */
function handSpec(layout: InvoiceLayout, serviceIds: [string, string]): InvoiceSpec {
  const [a, b] = serviceIds
  return {
    layout,
    carrierName: { northtel: 'NorthTel Communications', metrofiber: 'MetroFiber Networks', skywave: 'SkyWave Mobile GmbH' }[layout],
    accountNumber: layout === 'skywave' ? '4471093' : 'AC-20261120',
    invoiceNumber: 'INV-2026-1120',
    statementDate: '2026-11-20',
    dueDate: '2026-12-05',
    currency: layout === 'skywave' ? 'EUR' : 'USD',
    previousBalance: '1234.50',
    payments: '1000.00',
    taxes: '88.17',
    lines: [
      { serviceId: a, description: 'Monthly service', chargeType: 'MRC', amount: '1234.50' },
      { serviceId: a, description: 'Outage credit', chargeType: 'CRD', amount: '-12.00' },
      { serviceId: null, description: 'Account fee', chargeType: 'FEE', amount: '5.00' },
      { serviceId: b, description: 'Usage', chargeType: 'USAGE', amount: '0.07' },
      { serviceId: b, description: 'Equipment purchase', chargeType: 'OCC', amount: '12345.67' },
    ],
  }
}

describe('pdfPages: lines, cells and positions', () => {
  it('groups items into lines top to bottom, cells left to right, columns two or more spaces apart', async () => {
    const spec = handSpec('northtel', ['555-201-0001', '555-201-0002'])
    const pages = []
    for await (const p of pdfPages(await renderInvoicePdf(spec))) pages.push(p)
    expect(pages).toHaveLength(1)
    const [page] = pages
    // US Letter.
    expect(page!.width).toBe(612)
    expect(page!.height).toBe(792)
    const row = page!.lines.find((l) => l.text.includes('Equipment purchase'))!
    expect(row.cells.map((c) => c.text)).toEqual(['555-201-0002', 'Equipment purchase', 'OCC', '12,345.67'])
    expect(row.text.split(/\s{2,}/)).toEqual(['555-201-0002', 'Equipment purchase', 'OCC', '12,345.67'])
    const xs = row.cells.map((c) => c.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    const ys = page!.lines.map((l) => l.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
    // The footer is at the bottom of the page, the carrier's name at the top.
    expect(page!.lines.at(-1)!.text).toMatch(/\s{2,}Page 1 of 1$/)
    expect(page!.lines.at(-1)!.y).toBeGreaterThan(792 - 60)
    expect(page!.lines[0]!.text).toMatch(/^NorthTel Communications/)
    expect(page!.lines[0]!.y).toBeLessThan(40)
  })

  it('metrofiber: every page carries the running subtotal forward and brings it back', async () => {
    const spec = sampleInvoiceSpec('metrofiber', 9, 150) // 24 + 46 + 46 + 34 → 4 pages
    const texts: string[][] = []
    for await (const p of pdfPages(await renderInvoicePdf(spec))) texts.push(p.lines.map((l) => l.text))
    expect(texts).toHaveLength(4)
    const money = (v: string) => {
      const [i = '', f = ''] = new D(v).toFixed(2).split('.')
      return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`
    }
    // Lines printed by the end of pages 1, 2 and 3.
    ;[24, 70, 116].forEach((printed, i) => {
      const subtotal = money(
        spec.lines
          .slice(0, printed)
          .reduce((sum, l) => sum.plus(l.amount), new D(0))
          .toFixed(2),
      )
      const carried = texts[i]!.find((t) => t.endsWith('Carried forward'))!
      const brought = texts[i + 1]!.find((t) => t.endsWith('Brought forward'))!
      expect(carried.split(/\s{2,}/)).toEqual([subtotal, 'Carried forward'])
      expect(brought.split(/\s{2,}/)).toEqual([subtotal, 'Brought forward'])
      expect(texts[i]![0]).toMatch(new RegExp(`\\s{2,}Page ${i + 1} of 4$`))
    })
    expect(texts[3]!.some((t) => t.endsWith('Carried forward'))).toBe(false)
  })
})

describe('readPdfInvoice: hand-written invoices in the three layouts', () => {
  const cases: [InvoiceLayout, [string, string], string][] = [
    ['northtel', ['555-201-0001', '555-201-0002'], 'NorthTel Communications (2026)'],
    ['metrofiber', ['CKT/10GE/001234', 'CKT/DS3/000077'], 'MetroFiber Networks'],
    ['skywave', ['+49 171 2000001', '+49 172 2000002'], 'SkyWave Mobile'],
  ]
  for (const [layout, ids, templateName] of cases) {
    it(`${layout}: every header figure and line equals the spec`, async () => {
      const spec = handSpec(layout, ids)
      const inv = await readPdfInvoice(await renderInvoicePdf(spec), DEMO_TEMPLATES)
      expect(inv.problems).toEqual([])
      expect(inv.template).toBe(templateName)
      expect(inv.pages).toBe(1)
      // Lines: 1234.50 − 12.00 + 5.00 + 0.07 + 12345.67 = 13573.24
      // Total: 1234.50 − 1000.00 + 13573.24 + 88.17 = 13895.91
      expect(inv).toMatchObject({
        accountNumber: spec.accountNumber,
        invoiceNumber: 'INV-2026-1120',
        statementDate: '2026-11-20',
        dueDate: '2026-12-05',
        currency: spec.currency,
        previousBalance: '1234.50',
        payments: '1000.00',
        newCharges: '13573.24',
        taxes: '88.17',
        totalDue: '13895.91',
        format: 'pdf',
      })
      expect(readLines(inv)).toEqual(expectedLines(spec))
      for (const line of inv.lines) {
        expect(line.page).toBe(1)
        expect(line.box!.y).toBeGreaterThan(0)
        expect(line.box!.y + line.box!.height).toBeLessThan(line.box!.pageHeight)
      }
      // Lines are drawn top to bottom in order.
      const ys = inv.lines.map((l) => l.box!.y)
      expect([...ys].sort((p, q) => p - q)).toEqual(ys)
    })
  }

  it('a figure written wrong on purpose is read as written (the totals check is the pipeline’s job)', async () => {
    const spec = handSpec('northtel', ['555-201-0001', '555-201-0002'])
    const pdf = await renderInvoicePdf(spec, { overrideTotals: { newCharges: '13000.00', totalDue: '99999.99' } })
    const inv = await readPdfInvoice(pdf, DEMO_TEMPLATES)
    expect(inv.newCharges).toBe('13000.00')
    expect(inv.totalDue).toBe('99999.99')
    expect(readLines(inv)).toEqual(expectedLines(spec))
  })
})

describe('readPdfInvoice: 500-line generated invoices over many pages', () => {
  for (const layout of ['northtel', 'metrofiber', 'skywave'] as const) {
    it(`${layout}: 500 lines across pages equal the spec`, async () => {
      const spec = sampleInvoiceSpec(layout, 42, 500)
      const started = performance.now()
      const pdf = await renderInvoicePdf(spec)
      const rendered = performance.now()
      const inv = await readPdfInvoice(pdf, DEMO_TEMPLATES)
      const parsed = performance.now()
      console.info(
        `${layout} 500 lines: render ${Math.round(rendered - started)} ms, parse ${Math.round(parsed - rendered)} ms, ${inv.pages} pages`,
      )
      expect(inv.problems).toEqual([])
      expect(inv.pages).toBeGreaterThanOrEqual(8)
      expect(readLines(inv)).toEqual(expectedLines(spec))
      expect(inv.lines.some((l) => l.amount.startsWith('-'))).toBe(true)
      expect(inv.lines.filter((l) => l.serviceId === null)).toHaveLength(2)
      const header = {
        accountNumber: spec.accountNumber,
        invoiceNumber: spec.invoiceNumber,
        statementDate: spec.statementDate,
        dueDate: spec.dueDate,
        currency: spec.currency,
        previousBalance: spec.previousBalance,
        payments: spec.payments,
        taxes: spec.taxes,
      }
      expect(inv).toMatchObject(header)
      // The last line is on the last page of the table.
      expect(inv.lines.at(-1)!.page).toBeGreaterThan(1)
      // Every page has its page header and its own "Page n of N" (no page overflowed onto an unnumbered one).
      const footers: string[] = []
      for await (const page of pdfPages(pdf)) {
        expect(page.lines.slice(0, 2).some((l) => l.text.startsWith(spec.carrierName))).toBe(true)
        footers.push(page.lines.map((l) => /Page \d+ (?:of|\/) \d+$/.exec(l.text)?.[0]).find(Boolean) ?? '')
      }
      const separator = layout === 'skywave' ? '/' : 'of'
      expect(footers).toEqual(footers.map((_, i) => `Page ${i + 1} ${separator} ${inv.pages}`))
    })
  }
})

describe('readPdfInvoice: a 300-page invoice, page by page', () => {
  it('reads ≥ 300 pages with every line in a fresh process, reporting its peak memory growth', async () => {
    // MetroFiber prints 24 lines on page 1 and 46 on each further page: 24 + 46 × 299 = 13,778 lines → 300 pages.
    const spec = sampleInvoiceSpec('metrofiber', 300, 13_778)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'billpay-pdf-')), 'big.pdf')
    fs.writeFileSync(file, await renderInvoicePdf(spec))
    // Read in a child process, so the renderer's memory in this one does not blur the figure.
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', READ_AND_MEASURE, file], {
      cwd: ROOT,
      maxBuffer: 64 * 2 ** 20,
    })
    const result = JSON.parse(stdout) as { before: number; peak: number; seconds: number; invoice: ParsedInvoice }
    const growthMb = (result.peak - result.before) / 2 ** 20
    console.info(
      `300-page invoice: ${fs.statSync(file).size} bytes, ${result.invoice.lines.length} lines, read in ${result.seconds.toFixed(1)} s, ` +
        `peak RSS ${(result.peak / 2 ** 20).toFixed(0)} MB (growth ${growthMb.toFixed(0)} MB)`,
    )
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
    const inv = result.invoice
    expect(inv.problems).toEqual([])
    expect(inv.pages).toBe(300)
    expect(readLines(inv)).toEqual(expectedLines(spec))
    expect(inv.lines.at(-1)!.page).toBe(300)
    expect(inv).toMatchObject({ invoiceNumber: spec.invoiceNumber, previousBalance: spec.previousBalance, taxes: spec.taxes })
    expect(growthMb).toBeLessThan(500)
  }, 300_000)
})

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const execFileAsync = promisify(execFile)

/** Reads the PDF named by argv[1] and prints the invoice with the process's RSS before and at its peak. */
const READ_AND_MEASURE = `
import fs from 'node:fs'
import { DEMO_TEMPLATES } from './engine/billpay/layouts.ts'
import { readPdfInvoice } from './modules/billpay/readPdf.ts'
const data = new Uint8Array(fs.readFileSync(process.argv[1]))
const before = process.memoryUsage().rss
let peak = before
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 5)
const started = performance.now()
const invoice = await readPdfInvoice(data, DEMO_TEMPLATES)
const seconds = (performance.now() - started) / 1000
clearInterval(timer)
peak = Math.max(peak, process.memoryUsage().rss)
process.stdout.write(JSON.stringify({ before, peak, seconds, invoice }))
`

describe('readPdfInvoice: what cannot be read ends in a clear problem', () => {
  it('the northtel redesign: its template matches but finds nothing, and says so', async () => {
    const inv = await readPdfInvoice(await renderChangedLayoutPdf(sampleInvoiceSpec('northtel', 3, 60)), DEMO_TEMPLATES)
    expect(inv.template).toBe('NorthTel Communications (2026)')
    expect(inv.lines).toEqual([])
    expect(inv.accountNumber).toBeNull()
    expect(inv.totalDue).toBeNull()
    expect(inv.problems.map((p) => p.where)).toContain('header.totalDue')
    expect(inv.problems.find((p) => p.where === 'lines')?.message).toMatch(/line-item table was not found/)
  })

  it('a text file renamed .pdf', async () => {
    const data = new TextEncoder().encode('Account,Invoice,Amount\nNT-1,INV-1,12.00\n')
    const inv = await readPdfInvoice(data, DEMO_TEMPLATES)
    expect(inv.problems).toEqual([{ where: 'file', message: 'the file is not a PDF' }])
    expect(inv.lines).toEqual([])
    await expect(pdfPages(data).next()).rejects.toThrow(PdfReadError)
  })

  it('a PDF cut in half', async () => {
    const pdf = await renderInvoicePdf(sampleInvoiceSpec('skywave', 5, 200))
    const inv = await readPdfInvoice(pdf.subarray(0, Math.floor(pdf.length / 2)), DEMO_TEMPLATES)
    expect(inv.problems).toHaveLength(1)
    expect(inv.problems[0]!.message).toMatch(/^the PDF is damaged or truncated: /)
    expect(inv.lines).toEqual([])
  })

  it('a PDF whose body is garbage behind a valid envelope', async () => {
    const data = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage\ntrailer << >>\n%%EOF\n')
    const inv = await readPdfInvoice(data, DEMO_TEMPLATES)
    expect(inv.problems[0]!.message).toMatch(/^the PDF is damaged or truncated: /)
  })

  it('an encrypted PDF (standard security handler, a user password)', async () => {
    const inv = await readPdfInvoice(encryptedPdf(), DEMO_TEMPLATES)
    expect(inv.problems).toEqual([{ where: 'file', message: 'the file is encrypted' }])
  })

  it('a PDF of another carrier: no template matches, and the problem quotes its first page', async () => {
    const spec = { ...handSpec('northtel', ['555-201-0001', '555-201-0002']), carrierName: 'Acme Telecom' }
    // The redesign still names northtel.example, so the list without NorthTel's template is used.
    const pdf = await renderChangedLayoutPdf(spec)
    const inv = await readPdfInvoice(pdf, DEMO_TEMPLATES.slice(1))
    expect(inv.template).toBeNull()
    expect(inv.problems[0]!.message).toMatch(/^no layout template matches this invoice \(first page starts: "Acme Telecom/)
  })
})

/**
 * A minimal PDF with an /Encrypt dictionary (RC4 40-bit, revision 2) whose /U entry does not check out against the
 * empty user password, so pdf.js asks for a password, as it does for a real password-protected bill.
 */
function encryptedPdf(): Uint8Array {
  const hex32 = 'a1'.repeat(32)
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'5c'.repeat(32)}> /P -44 >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${'0f'.repeat(16)}> <${'0f'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}
