/**
 * How far a workbook may expand. An .xlsx is a zip of XML parts; a few hundred kilobytes of deflated data can
 * unpack to hundreds of megabytes (a "zip bomb"), which a reader would hold or chew through before failing. Two
 * checks, with the same limits:
 * - declared: the sizes the zip's central directory gives for each part, checked before anything is unpacked (at
 *   upload, from the bytes in memory, and again when the import opens the file);
 * - actual: the bytes each part really inflates to, counted while they stream, since the directory can lie. The
 *   read stops as soon as a part passes a limit.
 * Limits: one part's size, all parts together, and (past a floor, since small parts legitimately compress well) how
 * many times larger than its compressed data a part is. Real workbooks expand 5 to 15 times; a bomb about 1,000.
 */
import fs from 'node:fs/promises'

import { SpreadsheetError } from './errors'

export type ExpansionLimits = {
  /** The most one part (a worksheet, the shared strings) may expand to. */
  maxPartBytes: number
  /** The most all parts of a workbook may expand to together. */
  maxTotalBytes: number
  /** The most a part may expand relative to its compressed size… */
  maxRatio: number
  /** …once it has expanded past this many bytes. */
  ratioFloorBytes: number
}

const MB = 1024 * 1024

/** The environment variables that set the limits, and their defaults (in MB, or times for the ratio). */
export const EXPANSION_ENV = {
  maxPartBytes: { name: 'ACCRUE_IMPORT_MAX_PART_MB', default: 200, unit: MB },
  maxTotalBytes: { name: 'ACCRUE_IMPORT_MAX_EXPANDED_MB', default: 400, unit: MB },
  maxRatio: { name: 'ACCRUE_IMPORT_MAX_RATIO', default: 200, unit: 1 },
} as const

/** Below this size a part's ratio is not judged. */
export const RATIO_FLOOR_BYTES = 10 * MB

/** The limits in force: the environment's (see EXPANSION_ENV), else the defaults. An unusable value is an error. */
export function expansionLimits(env: Record<string, string | undefined> = process.env): ExpansionLimits {
  const read = (key: keyof typeof EXPANSION_ENV): number => {
    const spec = EXPANSION_ENV[key]
    const raw = env[spec.name]?.trim()
    if (!raw) return spec.default * spec.unit
    const value = Number(raw)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${spec.name} must be a positive number, not "${raw}"`)
    return value * spec.unit
  }
  return {
    maxPartBytes: read('maxPartBytes'),
    maxTotalBytes: read('maxTotalBytes'),
    maxRatio: read('maxRatio'),
    ratioFloorBytes: RATIO_FLOOR_BYTES,
  }
}

/** A size for people: "200 MB", "1.5 MB", "409 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) {
    const mb = bytes / MB
    return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`
  }
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** One part of a zip as its central directory declares it. */
export type ZipPart = { name: string; compressedSize: number; uncompressedSize: number }

/** How a file is named in messages. */
export const fileLabel = (fileName: string | null | undefined): string => (fileName ? `The Excel file "${fileName}"` : 'The Excel file')

const ADVICE_SIZE = (envName: string) =>
  `Split the data into smaller files (for example a month each) and import them one by one, or ask an administrator to raise ${envName}.`
const ADVICE_RATIO =
  'A real workbook does not compress that well: this one is built to exhaust the server (a "zip bomb"). Export the report again from its source; if the file is genuine, ask an administrator to raise ACCRUE_IMPORT_MAX_RATIO.'

function tooLarge(file: string, finding: string, advice: string): SpreadsheetError {
  return new SpreadsheetError('TOO_LARGE', `${file} is refused: ${finding}. ${advice}`)
}

/** Refuses (SpreadsheetError TOO_LARGE) a workbook whose directory declares more expansion than `limits` allow. */
export function checkDeclaredExpansion(parts: readonly ZipPart[], limits: ExpansionLimits, fileName?: string | null): void {
  const file = fileLabel(fileName)
  let total = 0
  for (const part of parts) {
    if (part.uncompressedSize > limits.maxPartBytes) {
      throw tooLarge(
        file,
        `${part.name} expands to more than ${formatBytes(limits.maxPartBytes)} (it declares ${formatBytes(part.uncompressedSize)} from ${formatBytes(part.compressedSize)})`,
        ADVICE_SIZE(EXPANSION_ENV.maxPartBytes.name),
      )
    }
    if (part.uncompressedSize > limits.ratioFloorBytes && part.uncompressedSize > limits.maxRatio * Math.max(1, part.compressedSize)) {
      throw tooLarge(
        file,
        `${part.name} expands ${Math.round(part.uncompressedSize / Math.max(1, part.compressedSize))} times (it declares ${formatBytes(part.uncompressedSize)} from ${formatBytes(part.compressedSize)}), more than the ${limits.maxRatio} times allowed`,
        ADVICE_RATIO,
      )
    }
    total += part.uncompressedSize
  }
  if (total > limits.maxTotalBytes) {
    throw tooLarge(
      file,
      `its parts expand to more than ${formatBytes(limits.maxTotalBytes)} together (they declare ${formatBytes(total)})`,
      ADVICE_SIZE(EXPANSION_ENV.maxTotalBytes.name),
    )
  }
}

/**
 * Counts what the parts of one read of a workbook really inflate to. `part()` starts a part; its `add` is given
 * each inflated chunk's size and the compressed bytes consumed so far (null when unknown, as for stored parts), and
 * returns the error to stop with once a limit is passed (then again on every later call).
 */
export class ExpansionMeter {
  private total = 0
  private stopped: SpreadsheetError | null = null

  constructor(
    private readonly limits: ExpansionLimits,
    private readonly fileName?: string | null,
  ) {}

  get error(): SpreadsheetError | null {
    return this.stopped
  }

  part(name: string): { add(inflated: number, compressedSoFar: number | null): SpreadsheetError | null } {
    let size = 0
    const file = fileLabel(this.fileName)
    return {
      add: (inflated, compressedSoFar) => {
        if (this.stopped) return this.stopped
        size += inflated
        this.total += inflated
        if (size > this.limits.maxPartBytes) {
          this.stopped = tooLarge(
            file,
            `${name} expands to more than ${formatBytes(this.limits.maxPartBytes)}`,
            ADVICE_SIZE(EXPANSION_ENV.maxPartBytes.name),
          )
        } else if (this.total > this.limits.maxTotalBytes) {
          this.stopped = tooLarge(
            file,
            `its parts expand to more than ${formatBytes(this.limits.maxTotalBytes)} together`,
            ADVICE_SIZE(EXPANSION_ENV.maxTotalBytes.name),
          )
        } else if (
          compressedSoFar !== null &&
          size > this.limits.ratioFloorBytes &&
          size > this.limits.maxRatio * Math.max(1, compressedSoFar)
        ) {
          this.stopped = tooLarge(
            file,
            `${name} expands more than ${this.limits.maxRatio} times (${formatBytes(size)} from ${formatBytes(compressedSoFar)} so far)`,
            ADVICE_RATIO,
          )
        }
        return this.stopped
      },
    }
  }
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const MAX_U32 = 0xffffffff

/** The parts listed in a zip's central directory, read through `readAt`; null when the directory cannot be found or read. */
async function readZipParts(size: number, readAt: (offset: number, length: number) => Promise<Buffer>): Promise<ZipPart[] | null> {
  const tailLength = Math.min(size, 22 + 0xffff)
  const tail = await readAt(size - tailLength, tailLength)
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = tail.readUInt16LE(eocd + 10)
  const directorySize = tail.readUInt32LE(eocd + 12)
  const directoryOffset = tail.readUInt32LE(eocd + 16)
  if (entries === 0xffff || directoryOffset === MAX_U32 || directorySize === MAX_U32 || directoryOffset + directorySize > size) return null // zip64 or damaged
  const directory = await readAt(directoryOffset, directorySize)
  const parts: ZipPart[] = []
  let p = 0
  for (let i = 0; i < entries; i++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) return null
    const nameLength = directory.readUInt16LE(p + 28)
    const extraLength = directory.readUInt16LE(p + 30)
    const commentLength = directory.readUInt16LE(p + 32)
    if (p + 46 + nameLength + extraLength > directory.length) return null
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength)
    let compressedSize = directory.readUInt32LE(p + 20)
    let uncompressedSize = directory.readUInt32LE(p + 24)
    if (uncompressedSize === MAX_U32 || compressedSize === MAX_U32) {
      // ZIP64: the real sizes are in the extra field 0x0001 (uncompressed first, then compressed, each only if flagged)
      const extra = directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)
      for (let q = 0; q + 4 <= extra.length;) {
        const id = extra.readUInt16LE(q)
        const length = extra.readUInt16LE(q + 2)
        if (id === 0x0001) {
          let r = q + 4
          if (uncompressedSize === MAX_U32 && r + 8 <= q + 4 + length) {
            uncompressedSize = Number(extra.readBigUInt64LE(r))
            r += 8
          }
          if (compressedSize === MAX_U32 && r + 8 <= q + 4 + length) compressedSize = Number(extra.readBigUInt64LE(r))
          break
        }
        q += 4 + length
      }
    }
    parts.push({ name, compressedSize, uncompressedSize })
    p += 46 + nameLength + extraLength + commentLength
  }
  return parts
}

/** The parts a workbook in memory declares (null when its directory cannot be read: the reader says why later). */
export function zipPartsOfBuffer(data: Buffer): Promise<ZipPart[] | null> {
  return readZipParts(data.length, async (offset, length) => data.subarray(offset, offset + length))
}

/** The parts the workbook at `filePath` declares (null when its directory cannot be read). */
export async function zipPartsOfFile(filePath: string): Promise<ZipPart[] | null> {
  const handle = await fs.open(filePath, 'r')
  try {
    const { size } = await handle.stat()
    return await readZipParts(size, async (offset, length) => {
      const buffer = Buffer.alloc(length)
      const { bytesRead } = await handle.read(buffer, 0, length, offset)
      return buffer.subarray(0, bytesRead)
    })
  } finally {
    await handle.close()
  }
}
