/** What other capabilities use of the telecom vocabulary and payout schedules. */
export * from './vocabulary'
export * from './pricing'
export * from './schedule'
