/**
 * Bill payment: the text of a PDF page as the layout templates read it (made by modules/billpay/pdfText.ts with
 * pdf.js). Positions are PDF points with y measured from the page's top, so a line's box can be drawn over the page.
 */

/** A run of text items that sit close together on one visual line: one table cell, one label, one value. */
export type TextCell = { text: string; x: number; width: number }

/**
 * One visual line: the text items sharing a baseline, left to right. `text` joins the cells with at least two spaces
 * (more for a wider gap), so a template can split columns on /\s{2,}/; words inside a cell are one space apart.
 */
export type TextLine = { text: string; x: number; y: number; width: number; height: number; cells: TextCell[] }

/** One page: its number (1-based), its size in points and its lines from top to bottom. */
export type PdfPage = { page: number; width: number; height: number; lines: TextLine[] }
