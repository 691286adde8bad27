import zlib from 'node:zlib'

import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'

import type { StatementInput, StatementLine } from '../../../engine/commission/statement'
import { renderStatementPdf } from '../../../modules/commission/statements/renderPdf'

const LABELS: Record<string, string> = { upfront: 'Upfront', residual: 'Residual', chargeback: 'Chargeback', note: 'Debit / credit note' }

function line(id: number, component: string, amount: string): StatementLine {
  return {
    id,
    component,
    componentLabel: LABELS[component]!,
    amount,
    held: false,
    description: `Sale #${id}`,
    sourceRef: `dealer-sales #${id}`,
    ruleRef: `Dealer plan v1 · ${component}`,
  }
}

/** Upfront 1,200.00 + 34.56 = 1,234.56 · residual 80.10 · chargeback −150.00 · note −5.35: total 1,159.31. */
const INPUT: StatementInput = {
  participant: { id: 7, name: 'Bay Mobile Store', code: 'DLR-0101' },
  period: { label: 'Oct 2026', startsOn: '2026-10-01', endsOn: '2026-10-31' },
  currency: 'USD',
  runLabel: 'Telecom dealer plan · Oct 2026',
  generatedAt: '2026-11-02T08:00:00.000Z',
  brand: { name: 'Northwind Mobile', primaryColor: '#0b5394', secondaryColor: '#e69138', textColor: '#222222', logo: null },
  lines: [
    line(1, 'note', '-5.35'),
    line(2, 'upfront', '1200.00'),
    line(3, 'chargeback', '-150.00'),
    line(4, 'residual', '80.10'),
    line(5, 'upfront', '34.56'),
  ],
}

async function firstPage(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })
  return text[0]!
}

describe('the PDF statement prints the breakdown by component as a labelled bar chart', () => {
  it('names each component with its amount, in the statement order, before the first table', async () => {
    const text = await firstPage(await renderStatementPdf(INPUT))
    const chart = text.slice(text.indexOf('By component'), text.indexOf('Subtotal · Upfront'))
    expect(chart).toMatch(
      /^By component\s+Upfront\s+USD 1,234\.56\s+Residual\s+USD 80\.10\s+Chargeback\s+USD -150\.00\s+Debit \/ credit note\s+USD -5\.35\s/,
    )
  })

  it('prints no chart for a statement without lines', async () => {
    const text = await firstPage(await renderStatementPdf({ ...INPUT, lines: [] }))
    expect(text).toContain('No commission lines in this period.')
    expect(text).not.toContain('By component')
  })

  it('draws each bar as wide as its amount against the largest one', async () => {
    // Upfront 300.00 and residual 100.00: the upfront bar fills its track, the residual bar a third of it. Each
    // chart row draws its track, then its bar, as 8-point-high rectangles ("x y w 8 re") in the page's content.
    const pdf = await renderStatementPdf({ ...INPUT, lines: [line(1, 'upfront', '300.00'), line(2, 'residual', '100.00')] })
    const widths = pageContents(pdf).flatMap((content) =>
      [...content.matchAll(/^[\d.-]+ [\d.-]+ ([\d.]+) 8 re$/gm)].map((m) => Number(m[1])),
    )
    expect(widths).toHaveLength(4)
    const [track1, bar1, track2, bar2] = widths as [number, number, number, number]
    expect(bar1 / track1).toBeCloseTo(1, 3)
    expect(bar2 / track2).toBeCloseTo(1 / 3, 3)
  })
})

/** The page content streams of a PDF, inflated (react-pdf deflates them). */
function pageContents(pdf: Buffer): string[] {
  const text = pdf.toString('latin1')
  const contents: string[] = []
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    try {
      contents.push(zlib.inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1'))
    } catch {
      // fonts and images are streams too; only content streams carry drawing operators
    }
  }
  return contents.filter((content) => / re$/m.test(content))
}
