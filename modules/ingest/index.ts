/** What other capabilities and the ingest collections use: running or previewing an import, and the fact writers. */
export { ImportFileError, runImport, type ImportCounts } from './runImport'
export { previewImport, type ImportPreview } from './preview'
export { SpreadsheetError } from './readers'
export type { MappingDoc } from './rowPipeline'
export * from './factWriters'
