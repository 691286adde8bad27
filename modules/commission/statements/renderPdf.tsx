/**
 * Commission statement as a branded A4 PDF: a header band and footer repeated on every page, the
 * participant and period, a small bar chart of the breakdown by component (each bar labelled with its
 * component and amount, the same bars as the portal's statement page), one table per component group
 * with its subtotal, then the summary box.
 * Uses only the PDF built-in Helvetica fonts, so nothing is fetched at render time.
 */
import { Document, Image, Page, StyleSheet, Text, View, renderToBuffer } from '@react-pdf/renderer'

import {
  statementColours,
  statementTimestamp,
  summarizeStatement,
  type StatementColours,
  type StatementGroup,
  type StatementInput,
  type StatementLine,
  type StatementSummary,
} from '../../../engine/commission/statement'
import { format, money } from '../../../engine/core/money'
import { breakdownBars, type Breakdown } from '../../../engine/portal'

const MUTED = '#6b7280'
const RULE = '#d1d5db'
const STRIPE = '#f5f6f8'
const HELD = '#b45309'
/** Points of a group (heading, column header, first lines) that must fit below it, else it starts on the next page. */
const GROUP_MIN_PRESENCE = 72

/** Breaks table text between words only: react-pdf's English hyphenation splits codes like "UNL-PLUS" or "plan_change". */
const wholeWords = (word: string): string[] => [word]

/** Renders the statement of one participant for one period. */
export async function renderStatementPdf(input: StatementInput): Promise<Buffer> {
  const summary = summarizeStatement(input)
  return renderToBuffer(<StatementDocument input={input} summary={summary} />)
}

type Props = { input: StatementInput; summary: StatementSummary }

function StatementDocument({ input, summary }: Props) {
  const colours = statementColours(input.brand)
  const styles = makeStyles(colours)
  const generatedAt = new Date(input.generatedAt)
  const dated = Number.isNaN(generatedAt.getTime()) ? {} : { creationDate: generatedAt, modificationDate: generatedAt }
  const amount = (value: string): string => format(money(value, input.currency))
  return (
    <Document
      title={`Commission statement · ${input.participant.name} · ${input.period.label}`}
      author={input.brand.name}
      creator={input.brand.name}
      subject={input.runLabel}
      language="en"
      {...dated}
    >
      <Page size="A4" style={styles.page} wrap>
        <HeaderBand input={input} styles={styles} />
        <Details input={input} summary={summary} styles={styles} amount={amount} />
        {summary.groups.length === 0 ? (
          <Text style={styles.empty}>No commission lines in this period.</Text>
        ) : (
          <BreakdownBars breakdown={breakdownBars(summary.groups, input.currency)} styles={styles} amount={amount} />
        )}
        {summary.groups.map((group) => (
          <GroupSection key={group.component} group={group} styles={styles} amount={amount} />
        ))}
        <SummaryBox summary={summary} styles={styles} amount={amount} />
        <Footer input={input} styles={styles} />
      </Page>
    </Document>
  )
}

type Styles = ReturnType<typeof makeStyles>
type Part = { input: StatementInput; styles: Styles }
type Amount = (value: string) => string

function HeaderBand({ input, styles }: Part) {
  const logo = logoSource(input.brand.logo)
  return (
    <View style={styles.band} fixed>
      <View style={styles.bandBrand}>
        {logo ? <Image src={logo} style={styles.logo} /> : null}
        <Text style={styles.bandName}>{input.brand.name}</Text>
      </View>
      <View style={styles.bandRight}>
        <Text style={styles.bandTitle}>Commission statement</Text>
        <Text style={styles.bandSub}>{input.period.label}</Text>
      </View>
    </View>
  )
}

function Details({ input, summary, styles, amount }: Part & { summary: StatementSummary; amount: Amount }) {
  const { participant, period } = input
  return (
    <View style={styles.details}>
      <View style={styles.detailsColumn}>
        <Text style={styles.label}>Participant</Text>
        <Text style={styles.participant}>{participant.name}</Text>
        {participant.code ? <Text style={styles.muted}>Code {participant.code}</Text> : null}
      </View>
      <View style={styles.detailsColumn}>
        <Field label="Period" value={period.label} styles={styles} />
        <Field label="Dates" value={`${period.startsOn} – ${period.endsOn}`} styles={styles} />
        <Field label="Run" value={input.runLabel} styles={styles} />
        <Field label="Generated" value={statementTimestamp(input.generatedAt)} styles={styles} />
      </View>
      <View style={styles.payableCard}>
        <Text style={styles.payableCardLabel}>Payable</Text>
        <Text style={styles.payableCardValue}>{amount(summary.payable)}</Text>
        <Text style={styles.muted}>{`${summary.lineCount} ${summary.lineCount === 1 ? 'line' : 'lines'}`}</Text>
      </View>
    </View>
  )
}

function Field({ label, value, styles }: { label: string; value: string; styles: Styles }) {
  return (
    <View style={styles.field}>
      <Text style={styles.fieldLabel}>{label}</Text>
      <Text style={styles.fieldValue}>{value}</Text>
    </View>
  )
}

/**
 * The breakdown by component as small horizontal bars, one per component in the statement's order: the label, the bar
 * (as wide as the amount against the largest; negative amounts run left of the zero line) and the amount, so the
 * chart reads in black and white.
 */
function BreakdownBars({ breakdown, styles, amount }: { breakdown: Breakdown; styles: Styles; amount: Amount }) {
  return (
    <View style={styles.chart} wrap={false}>
      <Text style={styles.chartTitle}>By component</Text>
      {breakdown.bars.map((bar) => (
        <View key={bar.component} style={styles.chartRow}>
          <Text style={styles.chartLabel}>{bar.label}</Text>
          <View style={styles.chartTrack}>
            <View style={[styles.chartBar, { left: `${bar.start}%`, width: `${bar.width}%`, backgroundColor: bar.style.colour }]} />
            {breakdown.zeroAt > 0 ? <View style={[styles.chartZero, { left: `${breakdown.zeroAt}%` }]} /> : null}
          </View>
          <Text style={styles.chartAmount}>{amount(bar.amount)}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * One component's table. Its heading and column header are `fixed`, so they repeat on every page the
 * group spans; the empty view before it keeps a group from starting in the last few points of a page
 * (react-pdf would otherwise leave the fixed heading there alone), and the last line stays with the subtotal.
 */
function GroupSection({ group, styles, amount }: { group: StatementGroup; styles: Styles; amount: Amount }) {
  const last = group.lines.length - 1
  return (
    <>
      <View minPresenceAhead={GROUP_MIN_PRESENCE} />
      <View style={styles.group}>
        <View fixed>
          <View style={styles.groupHeading}>
            <Text style={styles.groupTitle}>{group.label}</Text>
            <Text style={styles.muted}>{`${group.count} ${group.count === 1 ? 'line' : 'lines'}`}</Text>
          </View>
          <View style={[styles.row, styles.tableHead]}>
            <Text style={[styles.colDescription, styles.headText]}>Description</Text>
            <Text style={[styles.colSource, styles.headText]}>Source</Text>
            <Text style={[styles.colRule, styles.headText]}>Rule</Text>
            <Text style={[styles.colHeld, styles.headText]}> </Text>
            <Text style={[styles.colAmount, styles.headText]}>Amount</Text>
          </View>
        </View>
        {group.lines.slice(0, last).map((line, i) => (
          <LineRow key={line.id} line={line} striped={i % 2 === 1} styles={styles} amount={amount} />
        ))}
        <View wrap={false}>
          {group.lines.slice(last).map((line) => (
            <LineRow key={line.id} line={line} striped={last % 2 === 1} styles={styles} amount={amount} />
          ))}
          <View style={styles.subtotal}>
            <Text style={styles.subtotalLabel}>{`Subtotal · ${group.label}`}</Text>
            <Text style={styles.subtotalValue}>{amount(group.total)}</Text>
          </View>
        </View>
      </View>
    </>
  )
}

function LineRow({ line, striped, styles, amount }: { line: StatementLine; striped: boolean; styles: Styles; amount: Amount }) {
  return (
    <View style={striped ? [styles.row, styles.stripe] : styles.row} wrap={false}>
      <Text style={styles.colDescription} hyphenationCallback={wholeWords}>
        {line.description}
      </Text>
      <Text style={[styles.colSource, styles.mutedCell]} hyphenationCallback={wholeWords}>
        {line.sourceRef ?? '—'}
      </Text>
      <Text style={[styles.colRule, styles.mutedCell]} hyphenationCallback={wholeWords}>
        {line.ruleRef}
      </Text>
      <View style={styles.colHeld}>{line.held ? <Text style={styles.heldBadge}>HELD</Text> : null}</View>
      <Text style={styles.colAmount}>{amount(line.amount)}</Text>
    </View>
  )
}

function SummaryBox({ summary, styles, amount }: { summary: StatementSummary; styles: Styles; amount: Amount }) {
  return (
    <View style={styles.summary} wrap={false}>
      <Text style={styles.summaryTitle}>Summary</Text>
      {summary.groups.map((group) => (
        <View key={group.component} style={styles.summaryRow}>
          <Text style={styles.summaryLabel}>{group.label}</Text>
          <Text style={styles.summaryValue}>{amount(group.total)}</Text>
        </View>
      ))}
      <View style={[styles.summaryRow, styles.summaryRule]}>
        <Text style={styles.summaryStrong}>Total</Text>
        <Text style={styles.summaryStrongValue}>{amount(summary.total)}</Text>
      </View>
      <View style={styles.summaryRow}>
        <Text style={styles.summaryLabel}>Held (withheld until released)</Text>
        <Text style={styles.summaryValue}>{amount(summary.held)}</Text>
      </View>
      <View style={styles.payableRow}>
        <Text style={styles.payableLabel}>Payable</Text>
        <Text style={styles.payableValue}>{amount(summary.payable)}</Text>
      </View>
    </View>
  )
}

function Footer({ input, styles }: Part) {
  return (
    <View style={styles.footer} fixed>
      <Text style={styles.footerText}>{`${input.brand.name} · ${input.participant.name} · ${input.period.label} · ${input.runLabel}`}</Text>
      <Text style={styles.footerText} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  )
}

// ---------------------------------------------------------------------------------------------
// Logo

/** The logo as react-pdf wants it; null when absent or not PNG/JPEG (other formats cannot be drawn). */
function logoSource(logo: Buffer | null): { data: Buffer; format: 'png' | 'jpg' } | null {
  if (!logo || logo.length < 4) return null
  if (logo[0] === 0x89 && logo[1] === 0x50 && logo[2] === 0x4e && logo[3] === 0x47) return { data: logo, format: 'png' }
  if (logo[0] === 0xff && logo[1] === 0xd8 && logo[2] === 0xff) return { data: logo, format: 'jpg' }
  return null
}

// ---------------------------------------------------------------------------------------------
// Styles

function makeStyles(c: StatementColours) {
  return StyleSheet.create({
    page: { paddingTop: 84, paddingBottom: 56, paddingHorizontal: 36, fontFamily: 'Helvetica', fontSize: 8.5, color: c.text },
    band: {
      position: 'absolute',
      top: 0,
      left: 0,
      right: 0,
      height: 60,
      paddingHorizontal: 36,
      backgroundColor: c.primary,
      flexDirection: 'row',
      alignItems: 'center',
      justifyContent: 'space-between',
    },
    bandBrand: { flexDirection: 'row', alignItems: 'center' },
    logo: { height: 32, maxWidth: 120, objectFit: 'contain', marginRight: 10 },
    bandName: { fontFamily: 'Helvetica-Bold', fontSize: 15, color: c.onPrimary },
    bandRight: { alignItems: 'flex-end' },
    bandTitle: { fontFamily: 'Helvetica-Bold', fontSize: 10, color: c.onPrimary, textTransform: 'uppercase', letterSpacing: 0.8 },
    bandSub: { fontSize: 9, color: c.onPrimary, marginTop: 2 },

    details: { flexDirection: 'row', marginBottom: 18, paddingBottom: 12, borderBottomWidth: 1, borderBottomColor: RULE },
    detailsColumn: { flex: 1, paddingRight: 12 },
    label: { fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.6, marginBottom: 3 },
    participant: { fontFamily: 'Helvetica-Bold', fontSize: 13, marginBottom: 2 },
    muted: { color: MUTED },
    field: { flexDirection: 'row', marginBottom: 3 },
    fieldLabel: { width: 52, fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.6, paddingTop: 1 },
    fieldValue: { flex: 1 },
    payableCard: { width: 130, padding: 8, borderLeftWidth: 3, borderLeftColor: c.primary, backgroundColor: STRIPE },
    payableCardLabel: { fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.6 },
    payableCardValue: { fontFamily: 'Helvetica-Bold', fontSize: 12, marginVertical: 2 },

    empty: { marginVertical: 24, textAlign: 'center', color: MUTED },

    chart: { marginBottom: 16 },
    chartTitle: { fontFamily: 'Helvetica-Bold', fontSize: 9, color: c.secondary, marginBottom: 4 },
    chartRow: { flexDirection: 'row', alignItems: 'center', paddingVertical: 1.5 },
    chartLabel: { width: 120, paddingRight: 6 },
    chartTrack: { flex: 1, height: 8, position: 'relative', backgroundColor: STRIPE },
    chartBar: { position: 'absolute', top: 0, bottom: 0 },
    chartZero: { position: 'absolute', top: -1, bottom: -1, width: 0.75, backgroundColor: c.text },
    chartAmount: { width: 84, textAlign: 'right' },

    group: { marginBottom: 14 },
    groupHeading: {
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'flex-end',
      borderLeftWidth: 3,
      borderLeftColor: c.secondary,
      paddingLeft: 6,
      marginBottom: 4,
    },
    groupTitle: { fontFamily: 'Helvetica-Bold', fontSize: 11, color: c.secondary },
    row: { flexDirection: 'row', alignItems: 'flex-start', paddingVertical: 3, paddingHorizontal: 4 },
    stripe: { backgroundColor: STRIPE },
    tableHead: { borderBottomWidth: 1, borderBottomColor: c.secondary, backgroundColor: '#ffffff' },
    headText: { fontFamily: 'Helvetica-Bold', fontSize: 7, color: MUTED, textTransform: 'uppercase', letterSpacing: 0.5 },
    colDescription: { flex: 4, paddingRight: 6 },
    colSource: { flex: 2, paddingRight: 6 },
    colRule: { flex: 2.4, paddingRight: 6 },
    colHeld: { width: 34, alignItems: 'center' },
    colAmount: { width: 84, textAlign: 'right' },
    mutedCell: { color: MUTED },
    heldBadge: {
      fontFamily: 'Helvetica-Bold',
      fontSize: 6,
      color: HELD,
      borderWidth: 0.75,
      borderColor: HELD,
      borderRadius: 2,
      paddingHorizontal: 2,
      paddingTop: 1.5,
      paddingBottom: 0.5,
    },
    subtotal: {
      flexDirection: 'row',
      justifyContent: 'flex-end',
      paddingVertical: 4,
      paddingHorizontal: 4,
      borderTopWidth: 1,
      borderTopColor: RULE,
    },
    subtotalLabel: { fontFamily: 'Helvetica-Bold', color: MUTED, marginRight: 12 },
    subtotalValue: { fontFamily: 'Helvetica-Bold', width: 84, textAlign: 'right' },

    summary: { marginTop: 6, marginLeft: 'auto', width: 260, borderWidth: 1, borderColor: RULE, borderRadius: 3, padding: 10 },
    summaryTitle: { fontFamily: 'Helvetica-Bold', fontSize: 11, color: c.secondary, marginBottom: 6 },
    summaryRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
    summaryRule: { borderTopWidth: 1, borderTopColor: RULE, marginTop: 4, paddingTop: 5 },
    summaryLabel: { color: MUTED },
    summaryValue: { textAlign: 'right' },
    summaryStrong: { fontFamily: 'Helvetica-Bold' },
    summaryStrongValue: { fontFamily: 'Helvetica-Bold', textAlign: 'right' },
    payableRow: {
      flexDirection: 'row',
      justifyContent: 'space-between',
      marginTop: 6,
      padding: 6,
      backgroundColor: c.primary,
      borderRadius: 2,
    },
    payableLabel: { fontFamily: 'Helvetica-Bold', fontSize: 10, color: c.onPrimary },
    payableValue: { fontFamily: 'Helvetica-Bold', fontSize: 10, color: c.onPrimary },

    footer: {
      position: 'absolute',
      bottom: 22,
      left: 36,
      right: 36,
      flexDirection: 'row',
      justifyContent: 'space-between',
      borderTopWidth: 0.5,
      borderTopColor: RULE,
      paddingTop: 6,
    },
    footerText: { fontSize: 7, color: MUTED },
  })
}
