import type { Access } from 'payload'

import { readOwnSubtree } from '../core/subtree'
import { currentUser } from '../core/user'
import { mayWriteProposals } from '../../engine/proposals/approval'

/**
 * Update prospects and proposals: the rows a login reads (`readOwnSubtree`), and only when its roles write proposals,
 * so finance and the auditor, who read every row, change none. What may change within a row is the hooks' business.
 */
export function writeOwnSubtree(pathField: string): Access {
  const read = readOwnSubtree(pathField)
  return (args) => (mayWriteProposals(currentUser(args.req)?.roles) ? read(args) : false)
}
