/** The email a login names, as Payload looks it up (trimmed, lower case), or null when there is none. */
export function loginEmail(data: unknown): string | null {
  const email = (data as { email?: unknown } | undefined)?.email
  if (typeof email !== 'string') return null
  const sanitized = email.toLowerCase().trim()
  return sanitized === '' ? null : sanitized
}
