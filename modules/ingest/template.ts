import ExcelJS from 'exceljs'

import { ACTIVATION_TYPES, LINE_STATUSES } from '../../engine/telecom'
import { targetField, type ImportSource, type MappingColumn, type TargetField } from '../../engine/ingest/fields'
import { ORDER_KINDS } from '../../engine/ingest/networkOrders'
import { CHARGE_FREQUENCIES } from '../../engine/proposals'
import { TICKET_TYPES } from '../../engine/support'

/** The codes the drop-downs offer; network orders add consultants and products. */
export type TemplateLists = { dealers: string[]; carriers: string[]; ratePlans: string[]; consultants?: string[]; products?: string[] }

export type TemplateSpec = { source: ImportSource; sheetName: string; columns: MappingColumn[]; lists: TemplateLists }

/** Rows the template's drop-downs and formats cover. */
const TEMPLATE_ROWS = 10_000

function listValues(field: TargetField, lists: TemplateLists): string[] | null {
  switch (field.list) {
    case 'dealers':
      return lists.dealers
    case 'carriers':
      return lists.carriers
    case 'ratePlans':
      return lists.ratePlans
    case 'activationTypes':
      return [...ACTIVATION_TYPES]
    case 'lineStatuses':
      return [...LINE_STATUSES]
    case 'billingFrequencies':
      return [...CHARGE_FREQUENCIES]
    case 'consultants':
      return lists.consultants ?? []
    case 'products':
      return lists.products ?? []
    case 'orderKinds':
      return [...ORDER_KINDS]
    case 'ticketTypes':
      return [...TICKET_TYPES]
    default:
      return null
  }
}

function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/**
 * The standardized Excel template of a mapping: its header row (with a note on each header saying what goes
 * there), identifier columns formatted as text so Excel keeps every digit, date columns as dates, and drop-downs
 * for dealers, carriers, plans, activation types, line statuses, consultants, products and order kinds fed from a hidden "Lists" sheet.
 */
export async function buildTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accrue'
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  const lists = workbook.addWorksheet('Lists', { state: 'veryHidden' })
  let listColumn = 0
  spec.columns.forEach((column, index) => {
    const field = targetField(spec.source, column.field)
    if (!field) return
    const letter = columnLetter(index)
    const header = sheet.getCell(`${letter}1`)
    header.value = column.header
    header.font = { bold: true }
    header.note = `${field.label}${field.required ? ' (required)' : ''}: ${field.note}`
    sheet.getColumn(index + 1).width = Math.max(14, column.header.length + 4)
    const numFmt = field.kind === 'date' ? 'yyyy-mm-dd' : field.kind === 'amount' ? '#,##0.00' : '@'
    const values = listValues(field, spec.lists)
    let validation: ExcelJS.DataValidation | null = null
    if (values && values.length > 0) {
      const listLetter = columnLetter(listColumn++)
      lists.getCell(`${listLetter}1`).value = field.label
      values.forEach((value, i) => {
        lists.getCell(`${listLetter}${i + 2}`).value = value
      })
      validation = {
        type: 'list',
        allowBlank: !field.required,
        formulae: [`Lists!$${listLetter}$2:$${listLetter}$${values.length + 1}`],
        showErrorMessage: true,
        errorTitle: field.label,
        error: `Pick a ${field.label.toLowerCase()} from the list.`,
      }
    } else if (field.kind === 'date') {
      validation = {
        type: 'date',
        operator: 'greaterThan',
        allowBlank: !field.required,
        formulae: [new Date(Date.UTC(2000, 0, 1))],
        showErrorMessage: true,
        error: 'Enter a date.',
      }
    }
    sheet.getColumn(index + 1).numFmt = numFmt
    if (validation) {
      // exceljs keeps range validations on the sheet model (not in its .d.ts); one range, not one per cell.
      ;(sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${letter}2:${letter}${TEMPLATE_ROWS + 1}`,
        validation,
      )
    }
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
