/**
 * Start-up tracing for diagnosing a boot that stalls (see the README): with ACCRUE_TRACE_DB=1 each step of starting
 * the database and Payload is written to stderr.
 */
export function trace(scope: string, step: string): void {
  if (process.env.ACCRUE_TRACE_DB) process.stderr.write(`[${scope}] ${step}\n`)
}
