import type { CollectionConfig, FieldAccess } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { auditChange } from '../../../hooks/system/audit/auditChange'
import { auditDelete } from '../../../hooks/system/audit/auditDelete'
import { MASK } from '../../../modules/scrape/security/mask'
import { sealCredentials } from './hooks/sealCredentials'

const never: FieldAccess = () => false

/**
 * What an admin types: sealed by the hook before the write and removed from the data, so its own column stays
 * empty; read back, it shows a mask when a sealed value exists.
 */
const secretInput = (name: string, label: string, sealed: string) => ({
  name,
  label,
  type: 'text' as const,
  admin: { description: `Type a new ${label.toLowerCase()} to replace the stored one; it is encrypted at once and never shown again.` },
  hooks: { afterRead: [({ data }: { data?: Record<string, unknown> }) => (data?.[sealed] ? MASK : null)] },
})

/**
 * A carrier-portal login for a connector: the username, and the password and TOTP secret sealed with AES-256-GCM
 * (security/credentials.ts; the key comes from the environment and its id is stored so keys can rotate). Sealed
 * values are never returned by REST or GraphQL; the admin shows a mask. Company admins only.
 */
export const PortalCredentials: CollectionConfig = {
  slug: 'portal-credentials',
  lockDocuments: false,
  admin: { useAsTitle: 'name', group: 'Settings', defaultColumns: ['name', 'username', 'keyId', 'updatedAt'] },
  access: { read: companyAdmins, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { beforeChange: [sealCredentials], afterChange: [auditChange], beforeDelete: [auditDelete] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'username', type: 'text', required: true },
    secretInput('password', 'Password', 'passwordSealed'),
    secretInput('totpSecret', 'TOTP secret', 'totpSealed'),
    { name: 'passwordSealed', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
    { name: 'totpSealed', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
    { name: 'sealContext', type: 'text', access: { read: never, create: never, update: never }, admin: { hidden: true } },
    { name: 'keyId', type: 'text', admin: { readOnly: true, position: 'sidebar', description: 'The key the secrets are sealed with.' } },
  ],
}
