import type { Access } from 'payload'

/** For append-only data: no one, admins included, changes it through the admin or the API. */
export const nobody: Access = () => false
