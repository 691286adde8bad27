import type { CollectionConfig } from 'payload'

import { createByRoles } from '../../../access/core/subtree'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { noteSecretChanges } from '../../../hooks/system/audit/noteSecretChanges'
import { ROLE_LABELS, ROLES, USER_MANAGER_ROLES } from '../../../engine/network/roles'
import { deleteUsers, readUsers, updateUsers } from './access'
import { companyAdmins } from '../../../access/core/companyAdmins'
import { writeStartingPreferences } from './hooks/writeStartingPreferences'
import { guardLoginRank } from './hooks/guardLoginRank'
import { guardRoleGrants } from './hooks/guardRoleGrants'
import { requireRoleList } from './hooks/requireRoleList'
import { equalLoginCost } from './hooks/equalLoginCost'
import { forgiveThrottledLogin, throttleLogin } from './hooks/throttleLogin'
import { servedOverHttps } from '../../../server/origins'
import { apiKeyStrategy } from '../../api/ApiKeys/auth/apiKeyStrategy'

/** Logins. Each belongs to a participant (which rows it sees) and holds one or more roles (what it may do). */
export const Users: CollectionConfig = {
  slug: 'users',
  lockDocuments: false,
  admin: { useAsTitle: 'email', group: 'Network', defaultColumns: ['email', 'name', 'participant', 'roles'] },
  auth: {
    depth: 0,
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    useAPIKey: true,
    // Scoped API keys (collections/api/ApiKeys): before the local strategy and Payload's own user API key.
    strategies: [apiKeyStrategy],
    // Secure when the public address is HTTPS (PUBLIC_URL); Lax keeps it off cross-site subrequests and form posts.
    cookies: { secure: servedOverHttps(), sameSite: 'Lax' },
  },
  access: {
    read: readUsers,
    create: createByRoles(USER_MANAGER_ROLES),
    update: updateUsers,
    delete: deleteUsers,
    unlock: companyAdmins,
    admin: ({ req }) => Boolean(req.user),
  },
  hooks: {
    beforeOperation: [throttleLogin, equalLoginCost],
    afterLogin: [forgiveThrottledLogin],
    beforeValidate: [requireRoleList],
    beforeChange: [guardRoleGrants, noteSecretChanges],
    beforeDelete: [guardLoginRank, auditDelete],
    afterChange: [auditChange, writeStartingPreferences],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'participant', type: 'relationship', relationTo: 'participants', required: true, index: true },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })),
      saveToJWT: true,
    },
  ],
}
