import type { ConnectorStep } from '../../engine/scrape/steps'

/**
 * The demo carrier's portal connector (Vertex Wireless, the stand-in in demo/carrier-portal), as pure configuration:
 * sign in with a one-time code, open the activations report for the period, read its 50-row pages.
 */
export const VERTEX_PORTAL_STEPS: ConnectorStep[] = [
  { action: 'goto', target: '{{loginUrl}}' },
  { action: 'fill', target: '#username', value: '{{username}}' },
  { action: 'fill', target: '#password', value: '{{password}}' },
  { action: 'click', target: 'button#sign-in' },
  { action: 'failIfPresent', target: '#login-error', failure: 'permanent', value: 'the portal refused the sign-in' },
  { action: 'fill', target: 'input#otp', value: '{{totp}}' },
  { action: 'click', target: 'button#verify' },
  { action: 'failIfPresent', target: '#otp-error', failure: 'permanent', value: 'the portal refused the one-time code' },
  { action: 'goto', target: '/reports/activations?from={{from}}&to={{to}}' },
  { action: 'failIfPresent', target: '#login-notice', failure: 'transient', value: 'the session ended' },
  { action: 'readTable', target: 'table#activations', nextSelector: 'a.next-page' },
]

/** The same portal fetched through its CSV export instead of its pages. */
export const VERTEX_EXPORT_STEPS: ConnectorStep[] = [...VERTEX_PORTAL_STEPS.slice(0, -1), { action: 'download', target: 'a#export-csv' }]
