import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { afterAll, describe, expect, it } from 'vitest'

import { lineLengthGuard } from '../../../modules/ingest/readers/csv'
import {
  checkDeclaredExpansion,
  ExpansionMeter,
  expansionLimits,
  formatBytes,
  zipPartsOfBuffer,
  type ExpansionLimits,
} from '../../../modules/ingest/readers/expansion'
import { openSheet, SpreadsheetError } from '../../../modules/ingest/readers'
import { buildZip, repeat, workbookWithPadding } from '../../support/zip'

const MB = 1024 * 1024
const DEFAULTS = expansionLimits({})
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accrue-expansion-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const refusal = (run: () => void): SpreadsheetError => {
  try {
    run()
  } catch (error) {
    if (error instanceof SpreadsheetError) return error
    throw error
  }
  throw new Error('not refused')
}

describe('the limits', () => {
  it('default to 200 MB a part, 400 MB a workbook and 200 times past 10 MB', () => {
    expect(DEFAULTS).toEqual({ maxPartBytes: 200 * MB, maxTotalBytes: 400 * MB, maxRatio: 200, ratioFloorBytes: 10 * MB })
  })

  it('are read from ACCRUE_IMPORT_MAX_PART_MB, ACCRUE_IMPORT_MAX_EXPANDED_MB and ACCRUE_IMPORT_MAX_RATIO', () => {
    expect(
      expansionLimits({ ACCRUE_IMPORT_MAX_PART_MB: '50', ACCRUE_IMPORT_MAX_EXPANDED_MB: '75.5', ACCRUE_IMPORT_MAX_RATIO: '40' }),
    ).toEqual({
      maxPartBytes: 50 * MB,
      maxTotalBytes: 75.5 * MB,
      maxRatio: 40,
      ratioFloorBytes: 10 * MB,
    })
  })

  it('refuse an unusable value by its variable name instead of falling back silently', () => {
    expect(() => expansionLimits({ ACCRUE_IMPORT_MAX_PART_MB: 'lots' })).toThrow(
      'ACCRUE_IMPORT_MAX_PART_MB must be a positive number, not "lots"',
    )
    expect(() => expansionLimits({ ACCRUE_IMPORT_MAX_RATIO: '0' })).toThrow('ACCRUE_IMPORT_MAX_RATIO must be a positive number, not "0"')
  })

  it('format sizes for people', () => {
    expect([formatBytes(200 * MB), formatBytes(1.54 * MB), formatBytes(409 * 1024), formatBytes(10)]).toEqual([
      '200 MB',
      '1.5 MB',
      '409 KB',
      '1 KB',
    ])
  })
})

describe('the declared sizes', () => {
  it('pass the 100,000-row benchmark workbook (a 40 MB sheet from 5.6 MB, 11 MB of shared strings from 1.1 MB)', () => {
    const bench = [
      { name: 'xl/worksheets/sheet1.xml', compressedSize: 5_855_714, uncompressedSize: 40_436_119 },
      { name: 'xl/sharedStrings.xml', compressedSize: 1_204_576, uncompressedSize: 11_490_516 },
      { name: 'xl/styles.xml', compressedSize: 713, uncompressedSize: 1_702 },
    ]
    expect(() => checkDeclaredExpansion(bench, DEFAULTS, 'bench.xlsx')).not.toThrow()
  })

  it('refuse a part past the part limit, naming the file, the part, the limit and what to do', () => {
    const error = refusal(() =>
      checkDeclaredExpansion(
        [{ name: 'xl/worksheets/sheet1.xml', compressedSize: 409 * 1024, uncompressedSize: 400 * MB }],
        DEFAULTS,
        'bomb.xlsx',
      ),
    )
    expect([error.code, error.message]).toEqual([
      'TOO_LARGE',
      'The Excel file "bomb.xlsx" is refused: xl/worksheets/sheet1.xml expands to more than 200 MB (it declares 400 MB from 409 KB). Split the data into smaller files (for example a month each) and import them one by one, or ask an administrator to raise ACCRUE_IMPORT_MAX_PART_MB.',
    ])
  })

  it('refuse a part that compresses more than a real workbook can, once past the floor; below the floor the ratio is not judged', () => {
    const error = refusal(() =>
      checkDeclaredExpansion([{ name: 'xl/sharedStrings.xml', compressedSize: 100 * 1024, uncompressedSize: 50 * MB }], DEFAULTS),
    )
    expect(error.message).toBe(
      'The Excel file is refused: xl/sharedStrings.xml expands 512 times (it declares 50 MB from 100 KB), more than the 200 times allowed. A real workbook does not compress that well: this one is built to exhaust the server (a "zip bomb"). Export the report again from its source; if the file is genuine, ask an administrator to raise ACCRUE_IMPORT_MAX_RATIO.',
    )
    expect(() =>
      checkDeclaredExpansion([{ name: 'xl/styles.xml', compressedSize: 1_000, uncompressedSize: 9 * MB }], DEFAULTS),
    ).not.toThrow()
  })

  it('refuse parts that each pass but together exceed the workbook limit', () => {
    const parts = [1, 2, 3].map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, compressedSize: 20 * MB, uncompressedSize: 150 * MB }))
    expect(refusal(() => checkDeclaredExpansion(parts, DEFAULTS, 'three.xlsx')).message).toBe(
      'The Excel file "three.xlsx" is refused: its parts expand to more than 400 MB together (they declare 450 MB). Split the data into smaller files (for example a month each) and import them one by one, or ask an administrator to raise ACCRUE_IMPORT_MAX_EXPANDED_MB.',
    )
  })

  it('are read from the zip central directory, and a cut-off zip has none', async () => {
    const zip = await buildZip([
      { name: 'a.xml', chunks: [Buffer.alloc(3 * MB, 'x')] },
      { name: 'b.xml', chunks: [Buffer.from('hello')], declaredSize: 77 },
    ])
    const parts = await zipPartsOfBuffer(zip)
    expect(parts?.map((p) => [p.name, p.uncompressedSize])).toEqual([
      ['a.xml', 3 * MB],
      ['b.xml', 77],
    ])
    expect(parts![0]!.compressedSize).toBeLessThan(10_000)
    expect(await zipPartsOfBuffer(zip.subarray(0, zip.length - 30))).toBeNull()
  })
})

describe('the sizes counted while streaming', () => {
  const limits: ExpansionLimits = { maxPartBytes: 10 * MB, maxTotalBytes: 15 * MB, maxRatio: 100, ratioFloorBytes: 1 * MB }

  it('stop a part at the part limit, and stay stopped', () => {
    const meter = new ExpansionMeter(limits, 'x.xlsx')
    const sheet = meter.part('xl/worksheets/sheet1.xml')
    for (let i = 0; i < 10; i++) expect(sheet.add(MB, 5 * MB)).toBeNull()
    const error = sheet.add(1, 5 * MB)
    expect(error?.message).toMatch(
      /^The Excel file "x\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 10 MB\. .*ACCRUE_IMPORT_MAX_PART_MB\.$/,
    )
    expect(meter.part('xl/styles.xml').add(1, 1)).toBe(error)
    expect(meter.error).toBe(error)
  })

  it('stop when the parts together pass the workbook limit, naming that limit', () => {
    const meter = new ExpansionMeter(limits)
    expect(meter.part('a.xml').add(8 * MB, 4 * MB)).toBeNull()
    expect(meter.part('b.xml').add(8 * MB, 4 * MB)?.message).toMatch(
      /its parts expand to more than 15 MB together\. .*ACCRUE_IMPORT_MAX_EXPANDED_MB\.$/,
    )
  })

  it('stop a part that inflates more than the ratio allows once past the floor, and never judge the ratio of a part whose compressed size is unknown', () => {
    const meter = new ExpansionMeter(limits)
    const bomb = meter.part('xl/worksheets/sheet1.xml')
    expect(bomb.add(MB, 1024)).toBeNull() // 1,024 times, but only 1 MB so far
    expect(bomb.add(1024, 2048)?.message).toMatch(
      /xl\/worksheets\/sheet1\.xml expands more than 100 times \(1 MB from 2 KB so far\)\. .*ACCRUE_IMPORT_MAX_RATIO\.$/,
    )
    const stored = new ExpansionMeter(limits).part('stored.xml')
    expect(stored.add(5 * MB, null)).toBeNull()
  })
})

describe('the reader', () => {
  const layout = { format: 'xlsx' as const, expectedHeaders: ['Dealer Code'], fileName: 'w.xlsx' }

  it('reads a padded workbook within the limits, and refuses the same built past them, declared or lying', async () => {
    const ok = path.join(dir, 'ok.xlsx')
    fs.writeFileSync(ok, await workbookWithPadding([['Dealer Code'], ['D1']], { megabytes: 2 }))
    const sheet = await openSheet(ok, layout)
    const rows: unknown[] = []
    for await (const row of sheet.rows) rows.push(row.cells[0])
    expect(rows).toEqual(['D1', 'A'.repeat(2 * MB)])

    process.env.ACCRUE_IMPORT_MAX_PART_MB = '1'
    try {
      const declared = (await openSheet(ok, layout).catch((error: unknown) => error)) as SpreadsheetError
      expect([declared.code, declared.message]).toEqual([
        'TOO_LARGE',
        expect.stringMatching(
          /^The Excel file "w\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 1 MB \(it declares 2 MB from/,
        ),
      ])
      const lying = path.join(dir, 'lying.xlsx')
      fs.writeFileSync(lying, await workbookWithPadding([['Dealer Code'], ['D1']], { megabytes: 2, declaredSheetSize: 500 }))
      const counted = (await openSheet(lying, layout).catch((error: unknown) => error)) as SpreadsheetError
      expect([counted.code, counted.message]).toEqual([
        'TOO_LARGE',
        expect.stringMatching(/^The Excel file "w\.xlsx" is refused: xl\/worksheets\/sheet1\.xml expands to more than 1 MB\. /),
      ])
    } finally {
      delete process.env.ACCRUE_IMPORT_MAX_PART_MB
    }
  })
})

describe('every part is counted, not only the sheet', () => {
  it('a part the reader never parses (an embedded file) that lies about its size stops the read, named', async () => {
    const file = path.join(dir, 'hidden-part.xlsx')
    const hidden = { name: 'xl/embeddings/oleObject1.bin', chunks: repeat(Buffer.alloc(MB), 40), declaredSize: 100 }
    fs.writeFileSync(file, await workbookWithPadding([['Dealer Code'], ['D1']], { megabytes: 0 }, [hidden]))
    const error = (await openSheet(file, { format: 'xlsx', expectedHeaders: ['Dealer Code'] }).catch((e: unknown) => e)) as SpreadsheetError
    expect([error.code, error.message]).toEqual([
      'TOO_LARGE',
      expect.stringMatching(
        /^The Excel file is refused: xl\/embeddings\/oleObject1\.bin expands more than 200 times \(10 MB from \d+ KB so far\)\./,
      ),
    ])
  })
})

describe('CSV lines and records', () => {
  const guarded = async (text: string, maxBytes: number) => {
    const out: Buffer[] = []
    await pipeline(Readable.from([Buffer.from(text)]), lineLengthGuard(maxBytes, 'f.csv'), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) out.push(chunk)
    })
    return Buffer.concat(out).toString()
  }

  it('a line past the limit is refused naming the line; line breaks (LF, CRLF, CR) reset the count', async () => {
    const full = 'x'.repeat(2048)
    const text = `${full}\r\n${full}\n${full}\r${full}`
    expect(await guarded(text, 2048)).toBe(text)
    const error = (await guarded(`a,b\nc,d\n${full}X\n`, 2048).catch((e: unknown) => e)) as SpreadsheetError
    expect([error.code, error.message]).toEqual([
      'TOO_LARGE',
      'The CSV file "f.csv" is refused: line 3 is longer than 2 KB without a line break, which no real row is. Check that it is a CSV export and export it again.',
    ])
  })

  it('a field longer than 1,000,000 characters (not in quotes) is refused as too long, not as an unclosed quote', async () => {
    const file = path.join(dir, 'long-field.csv')
    fs.writeFileSync(file, `Dealer,Notes\nD1,${'x'.repeat(1_200_000)}\nD2,ok\n`)
    const error = (await (async () => {
      const sheet = await openSheet(file, { format: 'csv', expectedHeaders: ['Dealer', 'Notes'] })
      for await (const _row of sheet.rows) {
        // read to the end
      }
    })().catch((e: unknown) => e)) as SpreadsheetError
    expect([error.code, error.message]).toEqual([
      'TOO_LARGE',
      'The CSV file cannot be read: row 2 is longer than 1,000,000 characters, which no real row is. Check that it is a CSV export and export it again.',
    ])
  })
})
