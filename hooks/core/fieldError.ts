import { ValidationError } from 'payload'

/** A rule violation as a 400 that names the field and the reason, the way Payload reports its own validation. */
export function fieldError(collection: string, path: string, message: string): ValidationError {
  return new ValidationError({ collection, errors: [{ path, message }] })
}
