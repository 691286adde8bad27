/** What other capabilities use of engine/rebates: program terms and amounts, accruals, claim decisions, governance, the journal. */
export * from './accruals'
export * from './claims'
export * from './governance'
export * from './journal'
export * from './programs'
