/** An integer array as one PostgreSQL array literal parameter (drizzle's sql`` would spread a JS array). */
export function pgIntArray(ids: readonly number[]): string {
  if (!ids.every((id) => Number.isSafeInteger(id))) throw new Error(`not integer ids: ${ids.join(', ')}`)
  return `{${ids.join(',')}}`
}
