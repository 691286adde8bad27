/** What other capabilities use of reconciliation: its classes, which are commissionable, and how claims are ranked. */
export * from './claims'
export * from './reconciliation'
