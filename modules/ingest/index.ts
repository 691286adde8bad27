/** What other capabilities and the ingest collections use: running or previewing an import, the fact writers (network orders included) and the lookups rows resolve codes with. */
export { ImportFileError, runImport, type ImportCounts } from './runImport'
export { previewImport, type ImportPreview } from './preview'
export { detectFormat, openSheet, SpreadsheetError } from './readers'
export type { MappingDoc } from './rowPipeline'
export * from './factWriters'
export { loadLookups, type ImportLookups } from './lookups'
export { writeNetworkOrders, type OrderItem, type OrderRejection, type OrderWriteCounts } from './networkOrders'
export { writePosLines, type PosWriteCounts } from './posLines'
