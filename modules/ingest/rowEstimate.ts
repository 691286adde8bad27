import fs from 'node:fs/promises'
import zlib from 'node:zlib'

/**
 * About how many rows a file holds, for the progress bar (never for counting: the import counts what it reads).
 * CSV: its line count. XLSX: the `<dimension>` the first worksheet declares, read from the start of that zip entry
 * without unpacking the sheet. Null when it cannot tell.
 */
export async function estimateRows(filePath: string, format: 'xlsx' | 'csv'): Promise<number | null> {
  try {
    return format === 'csv' ? await countLines(filePath) : await xlsxDimensionRows(filePath)
  } catch {
    return null
  }
}

async function countLines(filePath: string): Promise<number> {
  const handle = await fs.open(filePath)
  try {
    let lines = 0
    for await (const chunk of handle.createReadStream() as AsyncIterable<Buffer>) {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++
    }
    return lines
  } finally {
    await handle.close()
  }
}

/** The most of the sheet's start inflated to find `<dimension>` (it is near the top; a zip bomb's head stops here). */
const HEAD_OUTPUT_BYTES = 1024 * 1024

async function xlsxDimensionRows(filePath: string): Promise<number | null> {
  const handle = await fs.open(filePath)
  try {
    const { size } = await handle.stat()
    const tailSize = Math.min(size, 65_557)
    const tail = Buffer.alloc(tailSize)
    await handle.read(tail, 0, tailSize, size - tailSize)
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    if (eocd < 0) return null
    const entries = tail.readUInt16LE(eocd + 10)
    const directorySize = tail.readUInt32LE(eocd + 12)
    const directoryOffset = tail.readUInt32LE(eocd + 16)
    const directory = Buffer.alloc(directorySize)
    await handle.read(directory, 0, directorySize, directoryOffset)
    let sheet: { method: number; compressed: number; offset: number } | null = null
    for (let p = 0, i = 0; i < entries && p + 46 <= directory.length; i++) {
      const nameLength = directory.readUInt16LE(p + 28)
      const name = directory.toString('utf8', p + 46, p + 46 + nameLength)
      if (name === 'xl/worksheets/sheet1.xml') {
        sheet = {
          method: directory.readUInt16LE(p + 10),
          compressed: directory.readUInt32LE(p + 20),
          offset: directory.readUInt32LE(p + 42),
        }
        break
      }
      p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32)
    }
    if (!sheet) return null
    const local = Buffer.alloc(30)
    await handle.read(local, 0, 30, sheet.offset)
    const start = sheet.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
    const head = Buffer.alloc(Math.min(sheet.compressed || 16_384, 16_384))
    await handle.read(head, 0, head.length, start)
    const xml =
      sheet.method === 0
        ? head.toString('utf8')
        : zlib.inflateRawSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: HEAD_OUTPUT_BYTES }).toString('utf8')
    const match = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(xml)
    return match?.[1] ? Number(match[1]) : null
  } finally {
    await handle.close()
  }
}
