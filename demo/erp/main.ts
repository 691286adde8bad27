/**
 * Runs the ERP stand-in: `tsx demo/erp/main.ts` (PORT, default 4300). ERP_TOKEN_TTL sets the token lifetime in
 * seconds (default 3600).
 */
import { TOKEN_PATH, createErpStandIn } from './app'
import { DEMO_ERP } from './inProcess'

const port = Number(process.env.PORT ?? DEMO_ERP.port)
const tokenTtlSeconds = Number(process.env.ERP_TOKEN_TTL ?? DEMO_ERP.tokenTtlSeconds)

const { app } = createErpStandIn({ clientId: DEMO_ERP.clientId, clientSecret: DEMO_ERP.clientSecret, tokenTtlSeconds })

const server = app.listen(port, () => {
  const url = `http://localhost:${port}`
  const lines = [
    `ERP stand-in (NetSuite-like REST): ${url}/services/rest/record/v1/creditMemo`,
    `  token: curl -X POST ${url}${TOKEN_PATH} -d grant_type=client_credentials -d client_id=${DEMO_ERP.clientId} -d client_secret=${DEMO_ERP.clientSecret}`,
    `  state: curl ${url}/__state`,
    `  control: curl -X POST ${url}/__control -H 'content-type: application/json' -d '{"failNext":2,"failWith":503}'`,
  ]
  console.log(lines.join('\n'))
})

const stop = () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
