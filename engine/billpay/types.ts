/**
 * Bill payment: what every invoice reader (PDF by layout template, CSV, EDI X12 811) hands the pipeline. Readers
 * never throw on a file: whatever they could not read is a problem naming where it was, and the invoice goes to a
 * person. Amounts are decimal strings as written on the invoice ("1234.50", "-12.00"); dates are YYYY-MM-DD.
 */

export type InvoiceFormat = 'pdf' | 'csv' | 'x12_811'

/** The header figures of an invoice; any of them may be missing when it could not be read. */
export type InvoiceHeader = {
  accountNumber: string | null
  invoiceNumber: string | null
  statementDate: string | null
  dueDate: string | null
  currency: string | null
  previousBalance: string | null
  payments: string | null
  /** The charges of this period before taxes: the line items sum to it. */
  newCharges: string | null
  taxes: string | null
  /** previousBalance − payments + newCharges + taxes. */
  totalDue: string | null
}

/** Where a line sits on its page, in PDF points from the page's top-left corner (for highlighting it beside the PDF). */
export type LineBox = { page: number; x: number; y: number; width: number; height: number; pageWidth: number; pageHeight: number }

export type ParsedLine = {
  /** 1-based, in the order the invoice lists them. */
  lineNo: number
  /** The phone number or circuit id the charge is for; null for account-level (shared) charges. */
  serviceId: string | null
  description: string
  /** The carrier's charge code or kind (e.g. MRC, USAGE, OCC, SURCHARGE, or a USOC); null when the invoice has none. */
  chargeType: string | null
  amount: string
  /** 1-based page, PDFs only. */
  page: number | null
  box: LineBox | null
}

/** Something a reader could not read or did not trust: `where` is "header.dueDate", "line 12", "page 3", "segment 14 (IT1)". */
export type ParseProblem = { where: string; message: string }

export type ParsedInvoice = InvoiceHeader & {
  format: InvoiceFormat
  lines: ParsedLine[]
  problems: ParseProblem[]
  /** PDFs: pages read. Other formats: 1. */
  pages: number
  /** PDFs: the name of the layout template that read it, null when none matched. */
  template: string | null
}
