import type { CollectionConfig, FieldAccess } from 'payload'

import { companyAdmins } from '../../../access/core/companyAdmins'
import { rotateKey } from './endpoints/rotateKey'
import { defaultKeyOwner } from './hooks/defaultKeyOwner'
import { issueKeySecret } from './hooks/issueKeySecret'
import { revealKeySecret } from './hooks/revealKeySecret'

const never: FieldAccess = () => false
const readOnly = { readOnly: true, position: 'sidebar' as const }

/**
 * Scoped API keys, one per integration: the key acts with the row-level access of its owner login, narrowed to
 * what it is scoped to (read only or read-write, chosen collections, chosen custom endpoints), until it expires.
 * Only a hash of the secret is kept; the secret is shown once, when the key is created or rotated. Rotation keeps
 * the previous secret valid for an overlap, so an integration switches without downtime.
 */
export const ApiKeys: CollectionConfig = {
  slug: 'api-keys',
  lockDocuments: false,
  admin: {
    useAsTitle: 'name',
    group: 'Integrations',
    defaultColumns: ['name', 'owner', 'access', 'prefix', 'expiresAt', 'lastUsedAt', 'active'],
    components: { edit: { beforeDocumentControls: ['/components/api/RotateKeyButton#RotateKeyButton'] } },
  },
  access: { read: companyAdmins, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { beforeValidate: [defaultKeyOwner], beforeChange: [issueKeySecret], afterChange: [revealKeySecret] },
  endpoints: [rotateKey],
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'The integration this key is for, e.g. "ERP nightly sync".' } },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      admin: { description: 'The login whose row-level access the key has (a partner login sees only its own network).' },
    },
    {
      name: 'access',
      type: 'select',
      required: true,
      defaultValue: 'read',
      options: [
        { value: 'read', label: 'Read only' },
        { value: 'read-write', label: 'Read and write' },
      ],
    },
    {
      name: 'collections',
      type: 'text',
      hasMany: true,
      admin: { description: 'Collection slugs the key may use (e.g. imports, commission-lines); "*" for every collection.' },
    },
    {
      name: 'endpoints',
      type: 'text',
      hasMany: true,
      admin: { description: 'Custom endpoints the key may call, as "POST /imports/:id/run"; "*" for every one.' },
    },
    {
      name: 'ratePerMinute',
      type: 'number',
      required: true,
      defaultValue: 600,
      min: 1,
      admin: { description: 'Requests a minute before 429.' },
    },
    { name: 'expiresAt', type: 'date', admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'active', type: 'checkbox', defaultValue: true, admin: { position: 'sidebar' } },
    { name: 'prefix', type: 'text', index: true, admin: { ...readOnly, description: 'The start of the secret, to recognise it.' } },
    { name: 'secretHash', type: 'text', index: true, access: { read: never, create: never, update: never }, admin: { hidden: true } },
    {
      name: 'previousSecretHash',
      type: 'text',
      index: true,
      access: { read: never, create: never, update: never },
      admin: { hidden: true },
    },
    {
      name: 'previousValidUntil',
      type: 'date',
      admin: { ...readOnly, description: 'The secret before the last rotation works until then.' },
    },
    { name: 'rotatedAt', type: 'date', admin: readOnly },
    { name: 'lastUsedAt', type: 'date', admin: readOnly },
  ],
}
