/** What other capabilities use of the portal: a participant's brand (statements carry it). */
export { brandIdOfParticipant, resolveBrandIdForParticipant } from './resolveBrand'
