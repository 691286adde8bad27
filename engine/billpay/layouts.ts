/**
 * Bill payment: the layout templates of the three demo carriers, written the way an admin writes them, from what
 * is visible on their PDFs (the text the reader extracts, columns two or more spaces apart), not from the code that
 * draws them. Each is plain data that `templateProblems` accepts; a carrier's redesign is an edit here (or in the
 * layout-templates collection seeded from this list).
 */
import type { LayoutTemplate } from './templates'

const NORTHTEL: LayoutTemplate = {
  name: 'NorthTel Communications (2026)',
  keywords: ['NorthTel Communications', 'northtel.example'],
  fields: {
    accountNumber: { regex: 'Account Number:\\s+(\\S+)' },
    invoiceNumber: { regex: 'Invoice Number:\\s+(\\S+)' },
    statementDate: { regex: 'Statement Date:\\s+([A-Z][a-z]{2} \\d{1,2}, \\d{4})' },
    dueDate: { regex: 'Due Date:\\s+([A-Z][a-z]{2} \\d{1,2}, \\d{4})' },
    currency: { regex: 'Account Summary \\(([A-Z]{3})\\)' },
    previousBalance: { regex: '^Previous Balance\\s{2,}(\\S+)$' },
    payments: { regex: '^Payments Received\\s{2,}(\\S+)$', absolute: true },
    newCharges: { regex: '^New Charges\\s{2,}(\\S+)$' },
    taxes: { regex: '^Taxes, Fees & Surcharges\\s{2,}(\\S+)$' },
    totalDue: { regex: '^Total Amount Due\\s{2,}\\$?(\\S+)$' },
  },
  dateFormat: 'MMM D, YYYY',
  decimal: '.',
  credit: 'minus',
  lines: {
    start: '^Service\\s{2,}Description\\s{2,}Type\\s{2,}Amount$',
    end: '^Total New Charges\\s{2,}',
    row: '^(?:(?<serviceId>\\d{3}-\\d{3}-\\d{4})\\s{2,})?(?<description>\\S.*?)\\s{2,}(?<chargeType>[A-Z]+)\\s{2,}(?<amount>-?[\\d,]+\\.\\d{2})$',
    skip: ['^NorthTel Communications\\s+Account \\S+ Invoice \\S+$', '\\s{2,}Page \\d+ of \\d+$'],
  },
}

const METROFIBER: LayoutTemplate = {
  name: 'MetroFiber Networks',
  keywords: ['MetroFiber Networks', 'Circuit ID'],
  fields: {
    // The header is a row of labels with the values on the line below, in the same order.
    accountNumber: { regex: '^Account No\\.\\s{2,}Invoice No\\..*\\n(\\S+)' },
    invoiceNumber: { regex: '^Account No\\.\\s{2,}Invoice No\\..*\\n\\S+\\s{2,}(\\S+)' },
    statementDate: { regex: '^Account No\\.\\s{2,}Invoice No\\..*\\n\\S+\\s{2,}\\S+\\s{2,}(\\d{2}/\\d{2}/\\d{4})' },
    dueDate: { regex: '^Account No\\.\\s{2,}Invoice No\\..*\\n\\S+\\s{2,}\\S+\\s{2,}\\S+\\s{2,}(\\d{2}/\\d{2}/\\d{4})' },
    currency: { regex: '^Currency: ([A-Z]{3})' },
    previousBalance: { regex: '^Balance Forward\\s{2,}(\\S+)' },
    payments: { regex: '^Payments Applied\\s{2,}(\\S+)', absolute: true },
    newCharges: { regex: '^Current Charges\\s{2,}(\\S+)' },
    taxes: { regex: '^Taxes & Regulatory Fees\\s{2,}(\\S+)' },
    // "Amount Due" is a box on the right; its figure ("USD 1,234.50") ends a line of the summary beside it.
    totalDue: { regex: '\\s{2,}[A-Z]{3} (\\(?[\\d,]+\\.\\d{2}\\)?)$' },
  },
  dateFormat: 'MM/DD/YYYY',
  decimal: '.',
  credit: 'parentheses',
  lines: {
    start: '^Amount\\s{2,}Circuit ID\\s{2,}USOC\\s{2,}Description$',
    end: '^\\S+\\s{2,}CURRENT CHARGES TOTAL$',
    row: '^(?<amount>\\(?[\\d,]+\\.\\d{2}\\)?)\\s{2,}(?:(?<serviceId>CKT/\\S+)\\s{2,})?(?<chargeType>[A-Z0-9]{2,5})\\s{2,}(?<description>\\S.*)$',
    skip: [
      '^\\S+\\s{2,}(?:Carried|Brought) forward$',
      '^MetroFiber Networks\\s{2,}INVOICE \\S+\\s{2,}Page \\d+ of \\d+$',
      '^MetroFiber Networks · Remit to ',
    ],
  },
}

const SKYWAVE: LayoutTemplate = {
  name: 'SkyWave Mobile',
  keywords: ['SkyWave Mobile GmbH', 'Customer number'],
  fields: {
    accountNumber: { regex: 'Customer number\\s{2,}(\\d+)' },
    invoiceNumber: { regex: '^Invoice no\\.\\s{2,}(\\S+)' },
    statementDate: { regex: '^Invoice date\\s{2,}(\\d{2}\\.\\d{2}\\.\\d{4})' },
    dueDate: { regex: '^Payable by\\s{2,}(\\d{2}\\.\\d{2}\\.\\d{4})' },
    currency: { regex: 'amounts in ([A-Z]{3})' },
    // The account summary is printed once, after the table, on the last page.
    newCharges: { regex: '^Total net charges\\s{2,}(.+)$', page: 'last' },
    taxes: { regex: '^VAT and levies\\s{2,}(.+)$', page: 'last' },
    previousBalance: { regex: '^Balance from last invoice\\s{2,}(.+)$', page: 'last' },
    payments: { regex: '^Received with thanks\\s{2,}(.+)$', page: 'last', absolute: true },
    totalDue: { regex: '^Please pay\\s{2,}[A-Z]{3} (.+)$', page: 'last' },
  },
  dateFormat: 'DD.MM.YYYY',
  decimal: ',',
  credit: 'cr-suffix',
  lines: {
    start: '^Item\\s{2,}Number\\s{2,}Code\\s{2,}Net amount$',
    end: '^Total net charges\\s{2,}',
    row: '^(?<description>\\S.*?)\\s{2,}(?:(?<serviceId>\\+\\d{2} \\d{3} \\d{7})\\s{2,})?(?<chargeType>[A-Z]{3,8})\\s{2,}(?<amount>[\\d.]+,\\d{2}(?: CR)?)$',
    skip: ['^SkyWave Mobile GmbH$', '^Customer \\d+\\s+·\\s+Invoice \\S+$', '^IBAN .*\\s{2,}Page \\d+ / \\d+$'],
  },
}

/** The demo carriers' layouts: NorthTel (phone lines), MetroFiber (circuits), SkyWave (European mobile). */
export const DEMO_TEMPLATES: LayoutTemplate[] = [NORTHTEL, METROFIBER, SKYWAVE]
