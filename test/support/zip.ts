import zlib from 'node:zlib'

/**
 * A minimal zip writer for tests that need workbooks exceljs would never write: parts deflated from a stream of
 * chunks (so a part can expand to hundreds of megabytes without the test holding it), and sizes that lie.
 */
export type ZipPartInput = {
  name: string
  /** The part's bytes, as chunks (a generator can repeat one chunk many times). */
  chunks: Iterable<Buffer>
  /** The uncompressed size written into the headers instead of the real one (a lying directory). */
  declaredSize?: number
}

type Deflated = { name: string; compressed: Buffer; size: number; crc: number; declaredSize?: number }

async function deflate(part: ZipPartInput): Promise<Deflated> {
  const deflater = zlib.createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflater.on('data', (chunk: Buffer) => out.push(chunk))
  const ended = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve)
    deflater.on('error', reject)
  })
  let size = 0
  let crc = 0
  for (const chunk of part.chunks) {
    size += chunk.length
    crc = zlib.crc32(chunk, crc)
    if (!deflater.write(chunk)) await new Promise((resolve) => deflater.once('drain', resolve))
  }
  deflater.end()
  await ended
  return { name: part.name, compressed: Buffer.concat(out), size, crc, declaredSize: part.declaredSize }
}

/** The zip of `parts`, in order (deflated; sizes and CRCs in the local headers, no data descriptors). */
export async function buildZip(parts: ZipPartInput[]): Promise<Buffer> {
  const deflated = await Promise.all(parts.map(deflate))
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const part of deflated) {
    const name = Buffer.from(part.name, 'utf8')
    const size = part.declaredSize ?? part.size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(part.crc >>> 0, 14)
    local.writeUInt32LE(part.compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(part.crc >>> 0, 16)
    central.writeUInt32LE(part.compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, part.compressed)
    centrals.push(central, name)
    offset += local.length + name.length + part.compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(deflated.length, 8)
  end.writeUInt16LE(deflated.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export function* repeat(chunk: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield chunk
}

const xml = (text: string) => [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8')]
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/**
 * A valid one-sheet .xlsx with inline-string rows, whose cell B2 is followed by `padding` bytes of "A" repeated
 * (`padding` may be hundreds of megabytes: it is streamed through the deflater, 1 MB at a time). `declaredSheetSize`
 * makes the zip's headers lie about the sheet's size; `extraParts` go before the sheet.
 */
export async function workbookWithPadding(
  rows: string[][],
  padding: { megabytes: number; declaredSheetSize?: number },
  extraParts: ZipPartInput[] = [],
): Promise<Buffer> {
  const cells = (row: string[], r: number) =>
    row.map((value, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`).join('')
  const head = `<worksheet xmlns="${MAIN}"><sheetData>${rows.map((row, i) => `<row r="${i + 1}">${cells(row, i + 1)}</row>`).join('')}`
  const r = rows.length + 1
  const sheet: Iterable<Buffer> = (function* () {
    yield* xml(head)
    if (padding.megabytes > 0) {
      yield Buffer.from(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>`)
      yield* repeat(Buffer.alloc(1024 * 1024, 'A'), padding.megabytes)
      yield Buffer.from(`</t></is></c></row>`)
    }
    yield Buffer.from('</sheetData></worksheet>')
  })()
  return buildZip([
    {
      name: '[Content_Types].xml',
      chunks: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      chunks: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      chunks: xml(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    ...extraParts,
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet, declaredSize: padding.declaredSheetSize },
  ])
}
