/** What other capabilities use of engine/portal. */
export * from './brand'
