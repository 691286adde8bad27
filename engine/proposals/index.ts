/** What other capabilities use of proposals: commission rules (commission runs) and billing charges (imports). */
export * from './rules'
export * from './billing'
