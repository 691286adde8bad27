/** What other capabilities use of the portal: a participant's brand (statements carry it). */
export { brandIdOfParticipant, resolveBrandIdForParticipant } from './resolveBrand'
/** A dealer's dispute of a discrepancy (the discrepancies' dispute endpoint). */
export { disputeDiscrepancy, type DisputeSummary } from './dispute'
