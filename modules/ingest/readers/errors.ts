/**
 * The one error type of the spreadsheet readers. `code` is stable (callers branch on it); `message` is a
 * sentence for the person who uploaded the file. IO failures (missing file, permissions) are not
 * SpreadsheetErrors: they pass through unchanged, because they are not the file's fault.
 */
export type SpreadsheetErrorCode =
  | 'NOT_A_SPREADSHEET' // the bytes are not an .xlsx or a text file (PDF, image, .xls, HTML...)
  | 'FORMAT_MISMATCH' // an .xlsx where the layout expects CSV, or the other way round
  | 'CORRUPT' // an .xlsx or CSV that cannot be read to the end (truncated, damaged, not a workbook)
  | 'SHEET_NOT_FOUND' // the named worksheet is not in the workbook
  | 'NO_HEADER' // no row carries any of the expected column headers
  | 'INVALID_LAYOUT' // the layout itself is unusable (header row 0, first data row above the header...)
  | 'TOO_LARGE' // a workbook that expands past the configured limits (expansion.ts), or a CSV record past its limit

export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode

  constructor(code: SpreadsheetErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SpreadsheetError'
    this.code = code
  }
}

/** True for errors raised by the operating system (ENOENT, EACCES, EMFILE...), which callers must see as they are. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error
}

/** `error` as a CORRUPT SpreadsheetError (SpreadsheetErrors and system errors are returned unchanged). */
export function asCorrupt(error: unknown, what: string): Error {
  if (error instanceof SpreadsheetError || isSystemError(error)) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new SpreadsheetError('CORRUPT', `${what} is damaged and cannot be read (${detail}). Export it again and re-upload.`, {
    cause: error,
  })
}
