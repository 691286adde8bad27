/** What other capabilities use of engine/payments. */
export * from './routing'
