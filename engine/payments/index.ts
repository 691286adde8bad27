/** What other capabilities use of engine/payments: routing-number checks and the bank file writers. */
export * from './routing'
export { bankFileProblems, nachaFile, type PaymentInstruction, type BatchFileInput, type Originator } from './bankFile'
