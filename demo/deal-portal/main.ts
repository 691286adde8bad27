/**
 * Runs the deal portal stand-in: `tsx demo/deal-portal/main.ts` (PORT, default 4400), seeded with the demo deals.
 */
import { createDealPortal } from './app'
import { DEMO_DEAL_PORTAL } from './inProcess'

const port = Number(process.env.PORT ?? DEMO_DEAL_PORTAL.port)

const { app } = createDealPortal({
  clientId: DEMO_DEAL_PORTAL.clientId,
  clientSecret: DEMO_DEAL_PORTAL.clientSecret,
  deals: DEMO_DEAL_PORTAL.deals.map((d) => structuredClone(d)),
})

const server = app.listen(port, () => {
  const url = `http://localhost:${port}`
  const lines = [
    `Deal portal stand-in (partner deal registrations): ${url}/api/v2/deals`,
    `  token: curl -X POST ${url}/oauth/token -d grant_type=client_credentials -d client_id=${DEMO_DEAL_PORTAL.clientId} -d client_secret=${DEMO_DEAL_PORTAL.clientSecret}`,
    `  ${DEMO_DEAL_PORTAL.deals.length} deals (${DEMO_DEAL_PORTAL.deals.map((d) => d.id).join(', ')})`,
    `  change one: curl -X POST ${url}/__deals -H 'content-type: application/json' -d '{"id":"DR-1002","status":"approved"}'`,
    `  control: curl -X POST ${url}/__control -H 'content-type: application/json' -d '{"failNext":2,"failWith":429}'`,
  ]
  console.log(lines.join('\n'))
})

const stop = () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
