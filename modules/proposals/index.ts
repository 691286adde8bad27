/** What other capabilities use of proposals: whether a user decides a participant's waiting proposals (the portal). */
export { mayDecideFor, type QueueStatus } from './waitingQueue'
