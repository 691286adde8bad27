/** What other capabilities use of ingest: reading cells, the importable fields and reading rows. */
export * from './cells'
export * from './fields'
export * from './rows'
