/**
 * Runs the Vertex Wireless portal stand-in: `npm run demo:carrier-portal` (PORT, default 4100).
 * PORTAL_TOTP=off signs in without the verification step; PORTAL_ROWS sets how many rows (default 10000).
 */
import { createCarrierPortal } from './app'
import { DEMO_PORTAL } from './demoAccount'
import { PORTAL_NAME } from './pages'
import { otpauthUri, totpAt } from './totp'

const port = Number(process.env.PORT ?? DEMO_PORTAL.port)
const withTotp = process.env.PORTAL_TOTP !== 'off'
const count = Number(process.env.PORTAL_ROWS ?? DEMO_PORTAL.rows.count)

const app = createCarrierPortal({
  username: DEMO_PORTAL.username,
  password: DEMO_PORTAL.password,
  totpSecret: withTotp ? DEMO_PORTAL.totpSecret : undefined,
  rows: { ...DEMO_PORTAL.rows, count },
})

const server = app.listen(port, () => {
  const url = `http://localhost:${port}`
  const lines = [
    `${PORTAL_NAME} (VTX) stand-in: ${url}/login`,
    `  user ${DEMO_PORTAL.username}   password ${DEMO_PORTAL.password}`,
    withTotp
      ? `  TOTP secret ${DEMO_PORTAL.totpSecret} (code now: ${totpAt(DEMO_PORTAL.totpSecret, Date.now() / 1000)})\n  ${otpauthUri(DEMO_PORTAL.totpSecret, DEMO_PORTAL.username, 'Vertex Wireless')}`
      : '  TOTP off',
    `  ${count} activations 2026-10-01..2026-10-31; report ${url}/reports/activations`,
    `  control: curl -X POST ${url}/__control -H 'content-type: application/json' -d '{"layout":"changed"}'`,
  ]
  console.log(lines.join('\n'))
})

const stop = () => server.close(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
