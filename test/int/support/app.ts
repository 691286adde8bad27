import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { writeSupportDemo } from '../../../seed/support/write'
import type { ServerOptions } from '../../../server'
import { startTestApp, type TestApp } from '../../support/app'

/**
 * The test app with the support demo (queues NETWORK and MONEY, the standard ticket mapping, T-000001 … T-000004):
 * written here when the demo seed does not (yet) include it, in one transaction as the seed does.
 */
export async function startSupportApp(name: string, options: Partial<ServerOptions> = {}): Promise<TestApp> {
  const app = await startTestApp(name, options)
  const queues = await app.sql.query(`select 1 from ticket_queues limit 1`)
  if (queues.rowCount === 0) {
    const req = await createLocalReq({}, app.payload)
    await initTransaction(req)
    try {
      await writeSupportDemo(app.payload, req)
      await commitTransaction(req)
    } catch (err) {
      await killTransaction(req)
      throw err
    }
  }
  return app
}
