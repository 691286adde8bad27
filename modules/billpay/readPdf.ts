/**
 * A PDF invoice read by the layout template that matches its first page, page by page (bounded memory: only the
 * current page's text is held). Never throws: a file pdf.js cannot read, no matching template or any unexpected
 * failure is an invoice with null fields, no lines and a problem saying why, so it goes to a person.
 */
import { createTemplateReader, matchTemplate, type LayoutTemplate, type TemplateReader } from '../../engine/billpay/templates'
import type { ParsedInvoice } from '../../engine/billpay/types'
import { pdfPages } from './pdfText'

/** How much of the first page a "no template matches" problem quotes. */
const FIRST_PAGE_QUOTE = 160

/** An invoice with nothing read and one problem. */
function unreadable(where: string, message: string, pages = 0, template: string | null = null): ParsedInvoice {
  return {
    accountNumber: null,
    invoiceNumber: null,
    statementDate: null,
    dueDate: null,
    currency: null,
    previousBalance: null,
    payments: null,
    newCharges: null,
    taxes: null,
    totalDue: null,
    format: 'pdf',
    lines: [],
    problems: [{ where, message }],
    pages,
    template,
  }
}

/** Reads a PDF invoice with the template of `templates` that matches its first page (see `matchTemplate`). */
export async function readPdfInvoice(data: Uint8Array, templates: LayoutTemplate[]): Promise<ParsedInvoice> {
  let reader: TemplateReader | null = null
  let template: LayoutTemplate | null = null
  let pages = 0
  try {
    for await (const page of pdfPages(data)) {
      pages = page.page
      if (!reader) {
        const text = page.lines.map((l) => l.text).join('\n')
        template = matchTemplate(templates, text)
        if (!template && page.lines.length === 0) {
          return unreadable('file', 'the first page has no text (a scanned image cannot be read by a layout template)', 1)
        }
        if (!template) {
          const start = page.lines
            .map((l) => l.text.replace(/\s{2,}/g, ' '))
            .join(' / ')
            .slice(0, FIRST_PAGE_QUOTE)
          return unreadable('file', `no layout template matches this invoice (first page starts: ${JSON.stringify(start)})`, 1)
        }
        reader = createTemplateReader(template)
      }
      reader.page(page)
    }
    if (!reader) return unreadable('file', 'the PDF has no pages')
    return reader.finish(pages)
  } catch (error) {
    const message =
      error instanceof Error
        ? error.name === 'PdfReadError'
          ? error.message
          : `the file could not be read: ${error.message}`
        : String(error)
    return unreadable('file', message, pages, template?.name ?? null)
  }
}
