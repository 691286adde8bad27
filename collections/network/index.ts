import type { Capability } from '../core/capability'
import { Participants } from './Participants'
import { Territories } from './Territories'
import { Users } from './Users'

/** The participant network: participants, users and territories. */
export const network: Capability = {
  collections: [Participants, Users, Territories],
}
