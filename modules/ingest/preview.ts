import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'

import { dbPool } from '../../db/pool'
import type { ImportLookups } from './lookups'
import { checkDeclaredExpansion, detectFormat, expansionLimits, zipPartsOfBuffer } from './readers'
import { footerSentence, openImport, readRows, SOURCES, UnknownValues, type Footer, type MappingDoc } from './rowPipeline'

/** How many accepted rows a preview shows as they would be stored, and how many rejected rows it lists. */
export const PREVIEW_ROWS = 50
export const PREVIEW_REJECTED = 200
const PREVIEW_REASONS = 500

export type ImportPreview = {
  written: false
  file: { name: string; format: 'xlsx' | 'csv' }
  header: { rowNumber: number; headers: string[]; missing: string[] }
  counts: {
    rowsRead: number
    accepted: number
    /** Accepted rows whose line is not stored yet. */
    new: number
    /** Accepted rows whose natural key is already stored (an import would update them, or leave them as they are). */
    alreadyImported: number
    /** Accepted rows identical to an earlier row of the same file. */
    repeatedInFile: number
    rejected: number
    blankRows: number
    footerRows: number
  }
  /** The first accepted rows as they would be stored (ids), with the codes those ids stand for. */
  rows: { rowNumber: number; stored: Record<string, unknown> }[]
  /** The first rejected rows, each with all its reasons. */
  rejected: { rowNumber: number; reasons: string }[]
  /** Every distinct rejection reason (column and reason) with how many rows it affects. */
  reasons: { column: string; reason: string; rows: number }[]
  unknownValues: { column: string; field: string; value: string; rows: number; firstRow: number }[]
  footers: Footer[]
  notes: string[]
}

/** The ids of a stored row with the codes they stand for, so a person can check them. */
function withCodes(row: Record<string, unknown>, codeOf: ImportLookups['codeOf']): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...row }
  if (typeof row.dealerId === 'number') stored.dealerCode = codeOf.dealer(row.dealerId)
  if (typeof row.carrierId === 'number') stored.carrierCode = codeOf.carrier(row.carrierId)
  if (typeof row.ratePlanId === 'number') stored.ratePlanCode = codeOf.ratePlan(row.ratePlanId)
  return stored
}

/**
 * A mapping's dry run on a file: the header found, the first rows as they would be stored, every rejection reason
 * and the counts an import would report, read exactly as the import reads (rowPipeline.ts). Nothing is written: the
 * lookups and the check of which lines are already stored run in a read-only transaction that is rolled back, and the
 * file lives in a temp folder removed before returning. A file that cannot be read throws the import's own errors.
 */
export async function previewImport(payload: Payload, mapping: MappingDoc, file: { name: string; data: Buffer }): Promise<ImportPreview> {
  const format = detectFormat(file.data.subarray(0, 65_536), file.name)
  if (format === 'xlsx') {
    const parts = await zipPartsOfBuffer(file.data)
    if (parts) checkDeclaredExpansion(parts, expansionLimits(), file.name)
  }
  const client = await dbPool(payload).connect()
  let dir: string | null = null
  let broken: Error | undefined
  try {
    dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'accrue-preview-'))
    const filePath = path.join(dir, format === 'xlsx' ? 'file.xlsx' : 'file.csv')
    await fs.promises.writeFile(filePath, file.data)
    await client.query('begin transaction read only')
    const opened = await openImport(client, mapping, { path: filePath, format, name: file.name })
    const { table } = SOURCES[mapping.source]
    const rows: ImportPreview['rows'] = []
    const rejected: ImportPreview['rejected'] = []
    const reasons = new Map<string, { column: string; reason: string; rows: number }>()
    let keys: string[] = []
    let alreadyImported = 0
    const countStored = async () => {
      if (keys.length === 0) return
      const found = await client.query<{ n: number }>(`select count(*)::int as n from ${table} where natural_key = any($1::varchar[])`, [
        keys,
      ])
      alreadyImported += found.rows[0]!.n
      keys = []
    }
    const unknown = new UnknownValues()
    const { counts, footers } = await readRows(
      opened,
      mapping.source,
      {
        fact: async (fact) => {
          if (rows.length < PREVIEW_ROWS) rows.push({ rowNumber: fact.rowNumber, stored: withCodes(fact.row, opened.lookups.codeOf) })
          keys.push(fact.key)
          if (keys.length >= 5_000) await countStored()
        },
        rejected: (row) => {
          if (rejected.length < PREVIEW_REJECTED) rejected.push({ rowNumber: row.rowNumber, reasons: row.reasons })
          const errors = row.errors.length > 0 ? row.errors : [{ column: '(row)', reason: row.reasons }]
          for (const error of errors) {
            const key = `${error.column}|${error.reason}`
            const known = reasons.get(key)
            if (known) known.rows++
            else if (reasons.size < PREVIEW_REASONS) reasons.set(key, { column: error.column, reason: error.reason, rows: 1 })
          }
        },
      },
      unknown,
    )
    await countStored()
    const stored = counts.accepted - counts.repeated
    const notes = [...opened.notes, footerSentence(footers), unknown.sentence()].filter((note): note is string => note !== null)
    return {
      written: false,
      file: { name: file.name, format },
      header: { rowNumber: opened.sheet.headerRowNumber, headers: opened.sheet.headers, missing: opened.sheet.missingHeaders },
      counts: {
        rowsRead: counts.rowsRead,
        accepted: counts.accepted,
        new: stored - alreadyImported,
        alreadyImported,
        repeatedInFile: counts.repeated,
        rejected: counts.rejected,
        blankRows: counts.blankRows,
        footerRows: counts.footerRows,
      },
      rows,
      rejected,
      reasons: [...reasons.values()].sort((a, b) => b.rows - a.rows),
      unknownValues: unknown.list(),
      footers,
      notes,
    }
  } finally {
    await client.query('rollback').catch((error: Error) => {
      broken = error // a connection that cannot roll back is not handed to anyone else
    })
    client.release(broken)
    if (dir) await fs.promises.rm(dir, { recursive: true, force: true })
  }
}
