import type { CollectionBeforeValidateHook } from 'payload'

/** A key created without an owner acts as the login that creates it. */
export const defaultKeyOwner: CollectionBeforeValidateHook = ({ data, operation, req }) => {
  if (operation === 'create' && data && (data.owner === undefined || data.owner === null || data.owner === '') && req.user)
    return { ...data, owner: req.user.id }
  return data
}
