/**
 * A claim as a spreadsheet (.xlsx or .csv, any producer): one row per claim line under the headers Invoice Number,
 * Invoice Line, Program, and optionally Quantity and Claimed Amount (found in the first rows, in any order and case).
 * Read through the import's hardened readers; a missing required column is refused naming it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { normalizeHeader } from '../../engine/ingest'
import { detectFormat, openSheet, SpreadsheetError } from '../ingest'
import { ClaimInputError, type ClaimLineInput } from './claims'

const COLUMNS = {
  invoiceNumber: 'Invoice Number',
  invoiceLine: 'Invoice Line',
  program: 'Program',
  quantity: 'Quantity',
  claimedAmount: 'Claimed Amount',
} as const
const REQUIRED = ['invoiceNumber', 'invoiceLine', 'program'] as const

export async function readClaimSheet(fileName: string, data: Buffer): Promise<ClaimLineInput[]> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accrue-claim-'))
  const file = path.join(dir, 'claim')
  await fs.promises.writeFile(file, data)
  try {
    const format = detectFormat(data.subarray(0, 4096), fileName)
    const sheet = await openSheet(file, { format, expectedHeaders: Object.values(COLUMNS), fileName })
    const missing = REQUIRED.filter((field) => !sheet.columnOf.has(normalizeHeader(COLUMNS[field])))
    if (missing.length > 0) {
      await sheet.close()
      throw new ClaimInputError(
        `the sheet has no ${missing.map((f) => `"${COLUMNS[f]}"`).join(', ')} column (headers found: ${sheet.headers.filter(Boolean).join(', ')})`,
      )
    }
    const lines: ClaimLineInput[] = []
    for await (const row of sheet.rows) {
      const line: Record<string, unknown> = {}
      for (const [field, header] of Object.entries(COLUMNS)) {
        const index = sheet.columnOf.get(normalizeHeader(header))
        if (index !== undefined) line[field] = row.cells[index] ?? null
      }
      lines.push(line as ClaimLineInput)
    }
    return lines
  } catch (err) {
    if (err instanceof SpreadsheetError) throw new ClaimInputError(err.message)
    throw err
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
