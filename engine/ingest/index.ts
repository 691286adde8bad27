/** What other capabilities use of ingest: reading cells, the importable fields, reading rows and value translations. */
export * from './cells'
export * from './fields'
export * from './networkOrders'
export * from './rows'
export * from './valueMaps'
export * from './posLines'
export * from './tickets'
