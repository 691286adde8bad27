import helmet from 'helmet'

/**
 * Security headers on every response (admin, portal, prospect pages, REST API), through helmet:
 * - Content-Security-Policy: scripts, styles, images, fonts and connections from this origin only, no plugins, no
 *   `<base>` or form posts elsewhere, and `frame-ancestors 'self'` (with X-Frame-Options: SAMEORIGIN for older
 *   browsers) so no other site can frame a page to trick a click. Next's pages and Payload's admin use inline
 *   scripts and styles, so those stay allowed; Payload's JSON field editor (Monaco) loads from cdn.jsdelivr.net.
 *   The rule editor checks expressions with ZEN's WebAssembly build, so WebAssembly may compile
 *   (`'wasm-unsafe-eval'`, which allows no JavaScript `eval`). In development (`npm run dev`) Next also needs `eval`
 *   and its hot-reload socket.
 * - X-Content-Type-Options: nosniff, Referrer-Policy: same-origin (no address leaves the site in a Referer),
 *   Cross-Origin-Opener-Policy and -Resource-Policy: same-origin.
 * - Strict-Transport-Security and upgrade-insecure-requests only when the public address is HTTPS.
 */
export function securityHeaders(options: { https: boolean; dev: boolean }) {
  const monaco = 'https://cdn.jsdelivr.net'
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", monaco, ...(options.dev ? ["'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'", monaco],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:', monaco],
        'connect-src': ["'self'", ...(options.dev ? ['ws:', 'wss:'] : [])],
        'worker-src': ["'self'", 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        ...(options.https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'sameorigin' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: options.https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  })
}
