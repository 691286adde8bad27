/**
 * Why a connector run stopped. `drift`: the portal no longer looks like the steps say (a selector is missing, the
 * table's columns changed) — not retried, someone must update the connector. `permanent`: the portal refused us for a
 * reason a retry cannot fix (a wrong password) — not retried. `transient`: a timeout, a 5xx, a dropped connection —
 * retried with backoff. The diagnosis names the step and its selector; the page is kept as a screenshot and as HTML
 * with every credential masked.
 */
export type FailureKind = 'drift' | 'permanent' | 'transient'

export class ConnectorError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly step: { index: number; action: string; target: string } | null,
    readonly evidence: { screenshot: Buffer | null; html: string | null } = { screenshot: null, html: null },
  ) {
    super(message)
    this.name = 'ConnectorError'
  }

  get retryable(): boolean {
    return this.kind === 'transient'
  }
}
