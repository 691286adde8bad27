import type { Access } from 'payload'

import { currentUser } from '../core/user'
import { mayWriteProposals } from '../../engine/proposals/approval'

/** Create prospects and proposals: logins with a role of the network (`PROPOSAL_WRITER_ROLES`); never finance or the auditor. */
export const proposalWriters: Access = ({ req }) => mayWriteProposals(currentUser(req)?.roles)
