/** What other capabilities use of engine/portal. */
export * from './brand'
export * from './salesStatus'
export * from './chartStyle'
export * from './earningsChart'
