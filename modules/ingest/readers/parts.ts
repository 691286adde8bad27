/**
 * Part names inside an .xlsx (a zip in the Open Packaging Conventions): where a relationship points, and how to
 * compare that with the names the zip holds.
 *
 * A relationship's Target is relative to the folder of the part that owns it (`worksheets/sheet1.xml` from
 * xl/workbook.xml, the form Excel and exceljs write) or absolute from the package root (`/xl/worksheets/sheet1.xml`,
 * the form openpyxl writes). Both are valid; part names compare without regard to case, and may be percent-encoded.
 */

/** The zip entry name a relationship of `source` (e.g. `xl/workbook.xml`) points to, e.g. `xl/worksheets/sheet2.xml`. */
export function resolvePartName(source: string, target: string): string {
  let decoded = target.replace(/\\/g, '/')
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // not percent-encoded after all: kept as written
  }
  const base = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1)
  const segments: string[] = [...base]
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  return segments.join('/')
}

/** The key under which a part name (from a relationship or a zip entry) is compared. */
export const partKey = (name: string): string => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase()

/** Whether a zip entry is a worksheet part by its conventional place (used only to list them in messages). */
export const isWorksheetPartName = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/i.test(partKey(name))

const ADVICE =
  'Open it in Excel or LibreOffice and save it again as .xlsx (File > Save As), or export that sheet as CSV, and upload that file.'

/**
 * What to tell the user when the part a sheet points to is not in the file. `worksheetParts`: the worksheet parts the
 * zip's directory lists (null when the directory could not be read).
 */
export function missingSheetPartMessage(
  what: string,
  sheet: string,
  part: string | null,
  worksheetParts: readonly string[] | null,
): string {
  const held =
    worksheetParts === null
      ? ''
      : worksheetParts.length > 0
        ? ` (the worksheet parts it holds are ${worksheetParts.join(', ')})`
        : ' (it holds no worksheet parts at all)'
  const pointer =
    part === null
      ? `the sheet "${sheet}" is listed in the workbook but nothing links it to its data`
      : `the sheet "${sheet}" is listed in the workbook and points to the part ${part}, which is not in the file`
  return `${what} cannot be read: ${pointer}${held}. The program that wrote it left the sheet's data out or misnamed it. ${ADVICE}`
}
