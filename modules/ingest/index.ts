/** What other capabilities use of ingest: running an import (a scrape imports the file it fetched). */
export { ImportFileError, runImport, type ImportCounts } from './runImport'
export * from './factWriters'
