/**
 * Carrier invoices as PDFs, made with the project's PDF renderer (@react-pdf/renderer), in three layouts that differ
 * the way real carriers' bills do: where the header sits and what its labels say, the date style, the table's columns
 * and their order, how a credit is written, the thousands and decimal separators, and what repeats on every page.
 * The reader (engine/billpay/templates.ts + layouts.ts) knows none of this code: its templates are written from the
 * PDFs. Used by the tests, the demo seed and the benchmark; `sampleInvoiceSpec` makes realistic specs from a seed.
 *
 * - northtel: US bill, "Nov 20, 2026", summary box with "Total Amount Due", table Service | Description | Type |
 *   Amount with phone numbers, credits "-12.00", payments shown as "-1,234.50"; every page has the page header,
 *   the column header and a "Page 2 of 12" footer.
 * - metrofiber: circuits bill, "11/20/2026", a label row above a value row, "Amount Due", table Amount | Circuit ID |
 *   USOC | Description (amount first), credits "(12.00)", paginated by rows with "Carried forward" / "Brought
 *   forward" subtotals on every page break.
 * - skywave: European mobile bill in EUR, "20.11.2026", "1.234,50", credits "12,00 CR", table Description | Number |
 *   Code | Amount, the account summary and "Please pay" on the last page only, footer "Page 2 / 12".
 * Pages are cut by row count (see `paginate`), so a page never overflows and "Page n of N" is known when drawing.
 */
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer'

import { D } from '../../engine/core/decimal'
import { seededRandom } from '../../engine/core/seededRandom'

export type InvoiceLayout = 'northtel' | 'metrofiber' | 'skywave'

export type InvoiceSpecLine = { serviceId: string | null; description: string; chargeType: string; amount: string }

/** An invoice to render; newCharges (sum of the lines) and totalDue are computed from it. */
export type InvoiceSpec = {
  layout: InvoiceLayout
  carrierName: string
  accountNumber: string
  invoiceNumber: string
  /** YYYY-MM-DD */
  statementDate: string
  /** YYYY-MM-DD */
  dueDate: string
  currency: string
  previousBalance: string
  /** Payments received since the last bill, a positive amount. */
  payments: string
  taxes: string
  lines: InvoiceSpecLine[]
}

/** Figures written on the PDF instead of the computed ones, for "the lines do not add up" cases. */
export type InvoiceRenderOptions = { overrideTotals?: { newCharges?: string; totalDue?: string } }

/** The figures the generator computes from a spec: newCharges = Σ lines, totalDue = previous − payments + new + taxes. */
export function invoiceTotals(spec: InvoiceSpec): { newCharges: string; totalDue: string } {
  const newCharges = spec.lines.reduce((sum, line) => sum.plus(line.amount), new D(0))
  const totalDue = new D(spec.previousBalance).minus(spec.payments).plus(newCharges).plus(spec.taxes)
  return { newCharges: newCharges.toFixed(2), totalDue: totalDue.toFixed(2) }
}

/** Renders the invoice in its carrier's layout. */
export async function renderInvoicePdf(spec: InvoiceSpec, options: InvoiceRenderOptions = {}): Promise<Buffer> {
  const computed = invoiceTotals(spec)
  const totals = { ...computed, ...options.overrideTotals }
  const doc =
    spec.layout === 'northtel' ? (
      <NorthTel spec={spec} totals={totals} />
    ) : spec.layout === 'metrofiber' ? (
      <MetroFiber spec={spec} totals={totals} />
    ) : (
      <SkyWave spec={spec} totals={totals} />
    )
  return renderToBuffer(doc)
}

/**
 * The northtel invoice after a redesign its template does not know: "Account No." / "Bill Date" / "Pay By" /
 * "Balance Due" instead of the old labels, ISO dates, and the table reordered to Amount | Type | Service | Description.
 */
export async function renderChangedLayoutPdf(spec: InvoiceSpec): Promise<Buffer> {
  return renderToBuffer(<NorthTelRedesign spec={spec} totals={invoiceTotals(spec)} />)
}

// ---------------------------------------------------------------------------------------------
// Formatting the way each carrier writes figures

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function dateParts(iso: string): { y: string; m: string; d: string } {
  const [y = '', m = '', d = ''] = iso.split('-')
  return { y, m, d }
}

/** "Nov 20, 2026" */
const usLongDate = (iso: string): string => {
  const { y, m, d } = dateParts(iso)
  return `${MONTHS[Number(m) - 1] ?? m} ${Number(d)}, ${y}`
}
/** "11/20/2026" */
const usShortDate = (iso: string): string => {
  const { y, m, d } = dateParts(iso)
  return `${m}/${d}/${y}`
}
/** "20.11.2026" */
const europeanDate = (iso: string): string => {
  const { y, m, d } = dateParts(iso)
  return `${d}.${m}.${y}`
}

/** The absolute value with two decimals and grouped thousands: "1,234.50" or "1.234,50". */
function grouped(amount: string, decimal: '.' | ','): string {
  const [int = '0', frac = '00'] = new D(amount).abs().toFixed(2).split('.')
  const thousands = decimal === '.' ? ',' : '.'
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands)}${decimal}${frac}`
}
const isNegative = (amount: string): boolean => new D(amount).isNegative() && !new D(amount).isZero()

/** "-12.00" */
const minusStyle = (amount: string): string => `${isNegative(amount) ? '-' : ''}${grouped(amount, '.')}`
/** "(12.00)" */
const parenStyle = (amount: string): string => (isNegative(amount) ? `(${grouped(amount, '.')})` : grouped(amount, '.'))
/** "12,00 CR" */
const crStyle = (amount: string): string => `${grouped(amount, ',')}${isNegative(amount) ? ' CR' : ''}`
const negate = (amount: string): string => new D(amount).negated().toFixed(2)

type Totals = { newCharges: string; totalDue: string }

/** Breaks between words only: react-pdf's English hyphenation would split "555-201-0001" or "CKT/10GE/001234". */
const wholeWords = (word: string): string[] => [word]

type CellStyle = (typeof nt)[keyof typeof nt] | ((typeof nt)[keyof typeof nt] | { paddingLeft: number })[]

/** A table cell: one line of text, never hyphenated. */
function Cell({ style, children }: { style: CellStyle; children: string }) {
  return (
    <Text style={style} hyphenationCallback={wholeWords}>
      {children}
    </Text>
  )
}
type Props = { spec: InvoiceSpec; totals: Totals }

const BASE = { fontFamily: 'Helvetica', fontSize: 8, color: '#1f2937' } as const
const MUTED = '#6b7280'

// ---------------------------------------------------------------------------------------------
// NorthTel: page header, column header and footer on every page

const nt = StyleSheet.create({
  page: { ...BASE, paddingTop: 64, paddingBottom: 48, paddingHorizontal: 40 },
  pageHeader: {
    position: 'absolute',
    top: 20,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderBottomWidth: 1,
    borderBottomColor: '#0b4f9c',
    paddingBottom: 4,
  },
  brand: { fontFamily: 'Helvetica-Bold', fontSize: 11, color: '#0b4f9c' },
  small: { fontSize: 7, color: MUTED },
  footer: { position: 'absolute', bottom: 20, left: 40, right: 40, flexDirection: 'row', justifyContent: 'space-between' },
  top: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 14 },
  address: { width: 220 },
  infoBox: { width: 220, borderWidth: 1, borderColor: '#d1d5db', padding: 6 },
  infoRow: { flexDirection: 'row', marginBottom: 2 },
  infoLabel: { width: 90, color: MUTED },
  summary: { borderWidth: 1, borderColor: '#0b4f9c', padding: 8, marginBottom: 14, width: 300 },
  summaryTitle: { fontFamily: 'Helvetica-Bold', fontSize: 10, marginBottom: 4 },
  summaryRow: { flexDirection: 'row', marginBottom: 2 },
  summaryLabel: { width: 180 },
  summaryValue: { width: 100, textAlign: 'right' },
  bold: { fontFamily: 'Helvetica-Bold' },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#0b4f9c', paddingVertical: 3 },
  row: { flexDirection: 'row', paddingVertical: 1.5 },
  colService: { width: 90 },
  colDescription: { width: 250 },
  colType: { width: 70 },
  colAmount: { width: 100, textAlign: 'right' },
  tableTotal: { flexDirection: 'row', borderTopWidth: 1, borderTopColor: '#0b4f9c', paddingVertical: 3, marginTop: 2 },
})

/** Table rows on NorthTel's first page (below the header and summary) and on the following pages. */
const NT_FIRST_PAGE_ROWS = 36
const NT_PAGE_ROWS = 50

function NorthTel({ spec, totals }: Props) {
  const pages = paginate(spec.lines, NT_FIRST_PAGE_ROWS, NT_PAGE_ROWS)
  return (
    <Document title={`${spec.carrierName} invoice ${spec.invoiceNumber}`} author={spec.carrierName}>
      {pages.map((rows, index) => (
        <Page key={index} size="LETTER" style={nt.page}>
          <View style={nt.pageHeader}>
            <Text style={nt.brand}>{spec.carrierName}</Text>
            <Text style={nt.small}>{`Account ${spec.accountNumber}   Invoice ${spec.invoiceNumber}`}</Text>
          </View>
          {index === 0 ? <NorthTelHeader spec={spec} totals={totals} /> : null}
          <View style={nt.tableHead}>
            <Text style={[nt.colService, nt.bold]}>Service</Text>
            <Text style={[nt.colDescription, nt.bold]}>Description</Text>
            <Text style={[nt.colType, nt.bold]}>Type</Text>
            <Text style={[nt.colAmount, nt.bold]}>Amount</Text>
          </View>
          {rows.map((line, i) => (
            <View key={i} style={nt.row}>
              <Cell style={nt.colService}>{line.serviceId ?? ''}</Cell>
              <Cell style={nt.colDescription}>{line.description}</Cell>
              <Cell style={nt.colType}>{line.chargeType}</Cell>
              <Cell style={nt.colAmount}>{minusStyle(line.amount)}</Cell>
            </View>
          ))}
          {index === pages.length - 1 ? (
            <View style={nt.tableTotal}>
              <Text style={[{ width: 410 }, nt.bold]}>Total New Charges</Text>
              <Text style={[nt.colAmount, nt.bold]}>{minusStyle(totals.newCharges)}</Text>
            </View>
          ) : null}
          <View style={nt.footer}>
            <Text style={nt.small}>{`${spec.carrierName} - Please detach and return the remittance slip with your payment.`}</Text>
            <Text style={nt.small}>{`Page ${index + 1} of ${pages.length}`}</Text>
          </View>
        </Page>
      ))}
    </Document>
  )
}

function NorthTelHeader({ spec, totals }: Props) {
  return (
    <>
      <View style={nt.top}>
        <View style={nt.address}>
          <Text style={nt.bold}>Customer Service 1-800-555-0100</Text>
          <Text style={nt.small}>www.northtel.example/business</Text>
        </View>
        <View style={nt.infoBox}>
          <InfoRow label="Account Number:" value={spec.accountNumber} />
          <InfoRow label="Invoice Number:" value={spec.invoiceNumber} />
          <InfoRow label="Statement Date:" value={usLongDate(spec.statementDate)} />
          <InfoRow label="Due Date:" value={usLongDate(spec.dueDate)} />
        </View>
      </View>
      <View style={nt.summary}>
        <Text style={nt.summaryTitle}>{`Account Summary (${spec.currency})`}</Text>
        <SummaryRow label="Previous Balance" value={minusStyle(spec.previousBalance)} />
        <SummaryRow label="Payments Received" value={minusStyle(negate(spec.payments))} />
        <SummaryRow label="New Charges" value={minusStyle(totals.newCharges)} />
        <SummaryRow label="Taxes, Fees & Surcharges" value={minusStyle(spec.taxes)} />
        <SummaryRow label="Total Amount Due" value={`$${minusStyle(totals.totalDue)}`} bold />
      </View>
    </>
  )
}

/**
 * The lines cut into pages: `first` on page 1, `rest` on each further page; always at least one page. Pages are cut
 * by row count (rows never wrap) rather than by react-pdf's automatic page breaking, which is several times slower
 * on long tables and cannot print a carried-forward subtotal.
 */
function paginate<T>(lines: T[], first: number, rest: number): T[][] {
  const pages: T[][] = [lines.slice(0, first)]
  for (let i = first; i < lines.length; i += rest) pages.push(lines.slice(i, i + rest))
  return pages
}

function InfoRow({ label, value }: { label: string; value: string }) {
  return (
    <View style={nt.infoRow}>
      <Text style={nt.infoLabel}>{label}</Text>
      <Text>{value}</Text>
    </View>
  )
}

function SummaryRow({ label, value, bold }: { label: string; value: string; bold?: boolean }) {
  return (
    <View style={nt.summaryRow}>
      <Text style={bold ? [nt.summaryLabel, nt.bold] : nt.summaryLabel}>{label}</Text>
      <Text style={bold ? [nt.summaryValue, nt.bold] : nt.summaryValue}>{value}</Text>
    </View>
  )
}

/** NorthTel after its redesign: other labels, ISO dates, the amount first. */
function NorthTelRedesign({ spec, totals }: Props) {
  return (
    <Document title={`${spec.carrierName} invoice ${spec.invoiceNumber}`} author={spec.carrierName}>
      <Page size="LETTER" style={nt.page} wrap>
        <View style={nt.pageHeader} fixed>
          <Text style={nt.brand}>{spec.carrierName}</Text>
          <Text style={nt.small}>{`Your new-look bill · ${spec.accountNumber}`}</Text>
        </View>
        <View style={nt.top}>
          <View style={nt.infoBox}>
            <InfoRow label="Account No." value={spec.accountNumber} />
            <InfoRow label="Bill No." value={spec.invoiceNumber} />
            <InfoRow label="Bill Date" value={spec.statementDate} />
            <InfoRow label="Pay By" value={spec.dueDate} />
          </View>
          <View style={nt.address}>
            <Text style={nt.small}>www.northtel.example/business</Text>
          </View>
        </View>
        <View style={nt.summary}>
          <SummaryRow label="Last Bill" value={spec.previousBalance} />
          <SummaryRow label="Paid Since" value={spec.payments} />
          <SummaryRow label="This Month" value={totals.newCharges} />
          <SummaryRow label="Government Fees" value={spec.taxes} />
          <SummaryRow label="Balance Due" value={totals.totalDue} bold />
        </View>
        <View>
          <View style={nt.tableHead} fixed>
            <Text style={[nt.colAmount, nt.bold]}>Amount</Text>
            <Text style={[nt.colType, nt.bold, { paddingLeft: 12 }]}>Charge</Text>
            <Text style={[nt.colService, nt.bold]}>Line</Text>
            <Text style={[nt.colDescription, nt.bold]}>Details</Text>
          </View>
          {spec.lines.map((line, i) => (
            <View key={i} style={nt.row} wrap={false}>
              <Cell style={nt.colAmount}>{line.amount}</Cell>
              <Cell style={[nt.colType, { paddingLeft: 12 }]}>{line.chargeType}</Cell>
              <Cell style={nt.colService}>{line.serviceId ?? 'Account'}</Cell>
              <Cell style={nt.colDescription}>{line.description}</Cell>
            </View>
          ))}
        </View>
        <View style={nt.footer} fixed>
          <Text style={nt.small}>{spec.carrierName}</Text>
          <Text style={nt.small} render={({ pageNumber, totalPages }) => `${pageNumber}/${totalPages}`} />
        </View>
      </Page>
    </Document>
  )
}

// ---------------------------------------------------------------------------------------------
// MetroFiber: paginated by rows, carried-forward subtotals on every break

/** Table rows on the first page (below the header blocks) and on the following pages. */
const MF_FIRST_PAGE_ROWS = 24
const MF_PAGE_ROWS = 46

const mf = StyleSheet.create({
  page: { ...BASE, paddingTop: 30, paddingBottom: 40, paddingHorizontal: 36 },
  band: { flexDirection: 'row', justifyContent: 'space-between', backgroundColor: '#f3f4f6', padding: 6, marginBottom: 10 },
  brand: { fontFamily: 'Helvetica-Bold', fontSize: 12, color: '#7c2d12' },
  bold: { fontFamily: 'Helvetica-Bold' },
  grid: { borderWidth: 1, borderColor: '#9ca3af', marginBottom: 10 },
  gridRow: { flexDirection: 'row', paddingHorizontal: 6, paddingVertical: 3 },
  gridCell: { width: 130 },
  summary: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 12 },
  summaryBlock: { width: 250 },
  summaryRow: { flexDirection: 'row', marginBottom: 2 },
  summaryLabel: { width: 160 },
  summaryValue: { width: 80, textAlign: 'right' },
  due: { width: 200, borderWidth: 2, borderColor: '#7c2d12', padding: 8 },
  dueValue: { fontFamily: 'Helvetica-Bold', fontSize: 14 },
  tableHead: { flexDirection: 'row', backgroundColor: '#7c2d12', color: '#ffffff', paddingVertical: 3 },
  row: { flexDirection: 'row', paddingVertical: 2, borderBottomWidth: 0.3, borderBottomColor: '#e5e7eb' },
  colAmount: { width: 70, textAlign: 'right', paddingRight: 14 },
  colCircuit: { width: 120 },
  colUsoc: { width: 60 },
  colDescription: { width: 270 },
  forward: { flexDirection: 'row', paddingVertical: 3, fontFamily: 'Helvetica-Oblique', color: MUTED },
  footer: { position: 'absolute', bottom: 16, left: 36, right: 36, fontSize: 6.5, color: MUTED },
})

function MetroFiber({ spec, totals }: Props) {
  const pages = paginate(spec.lines, MF_FIRST_PAGE_ROWS, MF_PAGE_ROWS)
  const pageCount = pages.length
  let running = new D(0)
  return (
    <Document title={`${spec.carrierName} invoice ${spec.invoiceNumber}`} author={spec.carrierName}>
      {pages.map((rows, index) => {
        const broughtForward = running.toFixed(2)
        running = rows.reduce((sum, line) => sum.plus(line.amount), running)
        const last = index === pageCount - 1
        return (
          <Page key={index} size="A4" style={mf.page}>
            <View style={mf.band}>
              <Text style={mf.brand}>{spec.carrierName}</Text>
              <Text>{`INVOICE ${spec.invoiceNumber}`}</Text>
              <Text>{`Page ${index + 1} of ${pageCount}`}</Text>
            </View>
            {index === 0 ? <MetroFiberHeader spec={spec} totals={totals} /> : null}
            <View style={mf.tableHead}>
              <Text style={[mf.colAmount, mf.bold]}>Amount</Text>
              <Text style={[mf.colCircuit, mf.bold]}>Circuit ID</Text>
              <Text style={[mf.colUsoc, mf.bold]}>USOC</Text>
              <Text style={[mf.colDescription, mf.bold]}>Description</Text>
            </View>
            {index > 0 ? <ForwardRow label="Brought forward" amount={broughtForward} /> : null}
            {rows.map((line, i) => (
              <View key={i} style={mf.row}>
                <Cell style={mf.colAmount}>{parenStyle(line.amount)}</Cell>
                <Cell style={mf.colCircuit}>{line.serviceId ?? ''}</Cell>
                <Cell style={mf.colUsoc}>{line.chargeType}</Cell>
                <Cell style={mf.colDescription}>{line.description}</Cell>
              </View>
            ))}
            {last ? (
              <View style={[mf.row, mf.bold]}>
                <Text style={mf.colAmount}>{parenStyle(totals.newCharges)}</Text>
                <Text style={{ width: 450 }}>CURRENT CHARGES TOTAL</Text>
              </View>
            ) : (
              <ForwardRow label="Carried forward" amount={running.toFixed(2)} />
            )}
            <Text style={mf.footer}>
              {`${spec.carrierName} · Remit to PO Box 4410, Springfield · Questions: billing@metrofiber.example · Account ${spec.accountNumber}`}
            </Text>
          </Page>
        )
      })}
    </Document>
  )
}

function ForwardRow({ label, amount }: { label: string; amount: string }) {
  return (
    <View style={mf.forward}>
      <Text style={mf.colAmount}>{parenStyle(amount)}</Text>
      <Text style={{ width: 450 }}>{label}</Text>
    </View>
  )
}

function MetroFiberHeader({ spec, totals }: Props) {
  return (
    <>
      <View style={mf.grid}>
        <View style={mf.gridRow}>
          <Text style={[mf.gridCell, mf.bold]}>Account No.</Text>
          <Text style={[mf.gridCell, mf.bold]}>Invoice No.</Text>
          <Text style={[mf.gridCell, mf.bold]}>Invoice Date</Text>
          <Text style={[mf.gridCell, mf.bold]}>Payment Due</Text>
        </View>
        <View style={mf.gridRow}>
          <Text style={mf.gridCell}>{spec.accountNumber}</Text>
          <Text style={mf.gridCell}>{spec.invoiceNumber}</Text>
          <Text style={mf.gridCell}>{usShortDate(spec.statementDate)}</Text>
          <Text style={mf.gridCell}>{usShortDate(spec.dueDate)}</Text>
        </View>
      </View>
      <View style={mf.summary}>
        <View style={mf.summaryBlock}>
          <MfSummary label="Balance Forward" value={parenStyle(spec.previousBalance)} />
          <MfSummary label="Payments Applied" value={parenStyle(negate(spec.payments))} />
          <MfSummary label="Current Charges" value={parenStyle(totals.newCharges)} />
          <MfSummary label="Taxes & Regulatory Fees" value={parenStyle(spec.taxes)} />
          <MfSummary label={`Currency: ${spec.currency}`} value="" />
        </View>
        <View style={mf.due}>
          <Text>Amount Due</Text>
          <Text style={mf.dueValue}>{`${spec.currency} ${parenStyle(totals.totalDue)}`}</Text>
        </View>
      </View>
    </>
  )
}

function MfSummary({ label, value }: { label: string; value: string }) {
  return (
    <View style={mf.summaryRow}>
      <Text style={mf.summaryLabel}>{label}</Text>
      <Text style={mf.summaryValue}>{value}</Text>
    </View>
  )
}

// ---------------------------------------------------------------------------------------------
// SkyWave: European, header right, summary on the last page only

const sw = StyleSheet.create({
  page: { ...BASE, paddingTop: 56, paddingBottom: 50, paddingHorizontal: 44 },
  pageHeader: { position: 'absolute', top: 18, left: 44, right: 44, flexDirection: 'row', justifyContent: 'space-between' },
  brand: { fontFamily: 'Helvetica-Bold', fontSize: 13, color: '#047857' },
  small: { fontSize: 7, color: MUTED },
  footer: {
    position: 'absolute',
    bottom: 18,
    left: 44,
    right: 44,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.5,
    borderTopColor: '#047857',
    paddingTop: 4,
  },
  top: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 16 },
  recipient: { width: 220 },
  details: { width: 200 },
  detailRow: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 2 },
  bold: { fontFamily: 'Helvetica-Bold' },
  title: { fontFamily: 'Helvetica-Bold', fontSize: 12, marginBottom: 8 },
  tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#047857', paddingVertical: 3 },
  row: { flexDirection: 'row', paddingVertical: 1.5 },
  colDescription: { width: 230 },
  colNumber: { width: 110 },
  colCode: { width: 80 },
  colAmount: { width: 85, textAlign: 'right' },
  totals: { marginTop: 12, marginLeft: 'auto', width: 260, borderWidth: 1, borderColor: '#047857', padding: 8 },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 2 },
})

/** Table rows on SkyWave's first page and on the following pages; the account summary needs the room of this many rows. */
const SW_FIRST_PAGE_ROWS = 44
const SW_PAGE_ROWS = 56
const SW_SUMMARY_ROWS = 9

function SkyWave({ spec, totals }: Props) {
  const pages = paginate(spec.lines, SW_FIRST_PAGE_ROWS, SW_PAGE_ROWS)
  // The summary follows the table on its last page, or on a page of its own when that page is too full.
  const room = (pages.length === 1 ? SW_FIRST_PAGE_ROWS : SW_PAGE_ROWS) - pages.at(-1)!.length
  if (room < SW_SUMMARY_ROWS) pages.push([])
  return (
    <Document title={`${spec.carrierName} ${spec.invoiceNumber}`} author={spec.carrierName}>
      {pages.map((rows, index) => (
        <Page key={index} size="A4" style={sw.page}>
          <View style={sw.pageHeader}>
            <Text style={sw.brand}>{spec.carrierName}</Text>
            <Text style={sw.small}>{`Customer ${spec.accountNumber}  ·  Invoice ${spec.invoiceNumber}`}</Text>
          </View>
          {index === 0 ? (
            <>
              <View style={sw.top}>
                <View style={sw.recipient}>
                  <Text style={sw.small}>SkyWave Mobile GmbH · Funkstrasse 12 · 10115 Berlin</Text>
                </View>
                <View style={sw.details}>
                  <Detail label="Customer number" value={spec.accountNumber} />
                  <Detail label="Invoice no." value={spec.invoiceNumber} />
                  <Detail label="Invoice date" value={europeanDate(spec.statementDate)} />
                  <Detail label="Payable by" value={europeanDate(spec.dueDate)} />
                </View>
              </View>
              <Text style={sw.title}>{`Your invoice (amounts in ${spec.currency})`}</Text>
            </>
          ) : null}
          {rows.length > 0 || index === 0 ? (
            <View style={sw.tableHead}>
              <Text style={[sw.colDescription, sw.bold]}>Item</Text>
              <Text style={[sw.colNumber, sw.bold]}>Number</Text>
              <Text style={[sw.colCode, sw.bold]}>Code</Text>
              <Text style={[sw.colAmount, sw.bold]}>Net amount</Text>
            </View>
          ) : null}
          {rows.map((line, i) => (
            <View key={i} style={sw.row}>
              <Cell style={sw.colDescription}>{line.description}</Cell>
              <Cell style={sw.colNumber}>{line.serviceId ?? ''}</Cell>
              <Cell style={sw.colCode}>{line.chargeType}</Cell>
              <Cell style={sw.colAmount}>{crStyle(line.amount)}</Cell>
            </View>
          ))}
          {index === pages.length - 1 ? (
            <View style={sw.totals}>
              <Detail label="Total net charges" value={crStyle(totals.newCharges)} />
              <Detail label="VAT and levies" value={crStyle(spec.taxes)} />
              <Detail label="Balance from last invoice" value={crStyle(spec.previousBalance)} />
              <Detail label="Received with thanks" value={crStyle(negate(spec.payments))} />
              <Detail label="Please pay" value={`${spec.currency} ${crStyle(totals.totalDue)}`} bold />
            </View>
          ) : null}
          <View style={sw.footer}>
            <Text style={sw.small}>IBAN DE02 1001 0010 0123 4567 89 · VAT ID DE123456789</Text>
            <Text style={sw.small}>{`Page ${index + 1} / ${pages.length}`}</Text>
          </View>
        </Page>
      ))}
    </Document>
  )
}

function Detail({ label, value, bold }: { label: string; value: string; bold?: boolean }) {
  return (
    <View style={sw.totalRow}>
      <Text style={bold ? sw.bold : undefined}>{label}</Text>
      <Text style={bold ? sw.bold : undefined}>{value}</Text>
    </View>
  )
}

// ---------------------------------------------------------------------------------------------
// Sample specs

type Catalogue = {
  carrierName: string
  currency: string
  services: (rnd: () => number, i: number) => string
  charges: { chargeType: string; descriptions: string[]; min: number; max: number }[]
  credit: { chargeType: string; descriptions: string[] }
  account: { chargeType: string; description: string }[]
}

const CATALOGUES: Record<InvoiceLayout, Catalogue> = {
  northtel: {
    carrierName: 'NorthTel Communications',
    currency: 'USD',
    services: (rnd, i) => `555-${String(200 + Math.floor(rnd() * 8))}-${String(1 + i).padStart(4, '0')}`,
    charges: [
      {
        chargeType: 'MRC',
        descriptions: ['Business Unlimited Plan', 'Voice Line Monthly Service', 'Hunt Group Feature'],
        min: 1500,
        max: 8900,
      },
      { chargeType: 'USAGE', descriptions: ['Long Distance Usage', 'International Calls', 'Data Overage 5GB'], min: 12, max: 4500 },
      { chargeType: 'OCC', descriptions: ['Installation Charge', 'Number Change Fee', 'Equipment Purchase'], min: 2500, max: 149900 },
      {
        chargeType: 'SURCHARGE',
        descriptions: ['Federal Regulatory Recovery', '911 Service Fee', 'Carrier Cost Recovery'],
        min: 25,
        max: 499,
      },
    ],
    credit: { chargeType: 'OCC', descriptions: ['Service Outage Credit', 'Promotional Credit', 'Billing Adjustment Credit'] },
    account: [
      { chargeType: 'MRC', description: 'Account Management Fee' },
      { chargeType: 'SURCHARGE', description: 'Universal Service Fund' },
    ],
  },
  metrofiber: {
    carrierName: 'MetroFiber Networks',
    currency: 'USD',
    services: (rnd, i) => {
      const speed = ['1GE', '10GE', 'DS3', 'OC12'][Math.floor(rnd() * 4)]!
      return `CKT/${speed}/${String(1000 + i * 7).padStart(6, '0')}`
    },
    charges: [
      {
        chargeType: 'MRC',
        descriptions: ['Dedicated Internet Access', 'Ethernet Private Line', 'Wavelength Service'],
        min: 45000,
        max: 489000,
      },
      { chargeType: 'LOOP', descriptions: ['Local Loop Charge', 'Cross Connect Monthly'], min: 9000, max: 65000 },
      { chargeType: 'OCC', descriptions: ['Non-Recurring Install', 'Expedite Fee', 'Port Change Order'], min: 25000, max: 250000 },
      { chargeType: 'SUR', descriptions: ['Property Tax Recovery', 'Access Recovery Charge'], min: 500, max: 9900 },
    ],
    credit: { chargeType: 'CRD', descriptions: ['SLA Credit - Availability', 'Billing Adjustment'] },
    account: [
      { chargeType: 'SUR', description: 'Regulatory Cost Recovery' },
      { chargeType: 'MRC', description: 'Network Monitoring Portal' },
    ],
  },
  skywave: {
    carrierName: 'SkyWave Mobile GmbH',
    currency: 'EUR',
    services: (rnd, i) => `+49 17${Math.floor(rnd() * 10)} ${String(2000000 + i * 13)}`,
    charges: [
      { chargeType: 'GRUND', descriptions: ['Business Flat L', 'Business Flat XL', 'Data SIM 50 GB'], min: 1999, max: 6999 },
      { chargeType: 'VERB', descriptions: ['Calls to other networks', 'Roaming EU data', 'SMS international'], min: 5, max: 3900 },
      { chargeType: 'EINM', descriptions: ['SIM card replacement', 'Device instalment'], min: 1000, max: 129900 },
      { chargeType: 'ZUSCHL', descriptions: ['Network levy', 'Service fee'], min: 50, max: 900 },
    ],
    credit: { chargeType: 'GUTS', descriptions: ['Goodwill credit', 'Tariff change refund'] },
    account: [
      { chargeType: 'GRUND', description: 'Business account fee' },
      { chargeType: 'ZUSCHL', description: 'Paper invoice fee' },
    ],
  },
}

const cents = (value: number): string => new D(value).dividedBy(100).toFixed(2)

/** Adds `days` to a YYYY-MM-DD date. */
function plusDays(iso: string, days: number): string {
  const { y, m, d } = dateParts(iso)
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days)).toISOString().slice(0, 10)
}

/**
 * A realistic invoice of `lines` lines for the layout's carrier, the same for the same seed: a set of services
 * (phone numbers or circuit ids) with recurring, usage, one-off and surcharge lines, a credit about every 23rd line,
 * two account-level lines (no service), some amounts above 1,000, and a previous balance paid in full or in part.
 */
export function sampleInvoiceSpec(layout: InvoiceLayout, seed: number, lines: number): InvoiceSpec {
  const rnd = seededRandom(seed * 7919 + layout.length)
  const cat = CATALOGUES[layout]
  const pick = <T,>(list: T[]): T => list[Math.floor(rnd() * list.length)]!
  const services = Array.from({ length: Math.max(1, Math.ceil(lines / 6)) }, (_, i) => cat.services(rnd, i))
  const out: InvoiceSpecLine[] = []
  for (let i = 0; i < lines; i++) {
    if (i === 3 || i === lines - 2) {
      const acct = cat.account[i === 3 ? 0 : 1]!
      out.push({
        serviceId: null,
        description: acct.description,
        chargeType: acct.chargeType,
        amount: cents(500 + Math.floor(rnd() * 250000)),
      })
    } else if (i % 23 === 11) {
      out.push({
        serviceId: pick(services),
        description: pick(cat.credit.descriptions),
        chargeType: cat.credit.chargeType,
        amount: cents(-(100 + Math.floor(rnd() * 5000))),
      })
    } else {
      const charge = pick(cat.charges)
      out.push({
        serviceId: services[Math.floor(i / 6) % services.length]!,
        description: pick(charge.descriptions),
        chargeType: charge.chargeType,
        amount: cents(charge.min + Math.floor(rnd() * (charge.max - charge.min))),
      })
    }
  }
  const month = 1 + (seed % 12)
  const statementDate = `2026-${String(month).padStart(2, '0')}-${String(1 + (seed % 28)).padStart(2, '0')}`
  const previousBalance = cents(10000 + Math.floor(rnd() * 2000000))
  const paidInFull = rnd() < 0.7
  const payments = paidInFull
    ? previousBalance
    : new D(previousBalance)
        .times(Math.floor(rnd() * 90) + 5)
        .dividedBy(100)
        .toDecimalPlaces(2, D.ROUND_DOWN)
        .toFixed(2)
  const subtotal = out.reduce((sum, line) => sum.plus(line.amount), new D(0))
  const taxes = subtotal.times(layout === 'skywave' ? '0.19' : '0.0725').toDecimalPlaces(2, D.ROUND_HALF_UP)
  const prefix = { northtel: 'NT', metrofiber: 'MF', skywave: 'SW' }[layout]
  return {
    layout,
    carrierName: cat.carrierName,
    accountNumber: layout === 'skywave' ? `${4400000 + (seed % 99991)}` : `${prefix}-${String(10000000 + ((seed * 104729) % 89999999))}`,
    invoiceNumber: `${prefix}${statementDate.slice(0, 7).replace('-', '')}-${String(seed).padStart(6, '0')}`,
    statementDate,
    dueDate: plusDays(statementDate, layout === 'skywave' ? 14 : 25),
    currency: cat.currency,
    previousBalance,
    payments,
    taxes: (taxes.isNegative() ? new D(0) : taxes).toFixed(2),
    lines: out,
  }
}
