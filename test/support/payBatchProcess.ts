/**
 * A separate process that runs the payment step of one batch (used by the concurrency test to run it from two
 * processes at once). Usage: DATABASE_URL=… tsx test/support/payBatchProcess.ts <batchId>
 */
import { bootPayload, closePayload } from '../../db/bootstrap'
import { payBatch } from '../../modules/payments/payBatch'

const payload = await bootPayload()
try {
  const result = await payBatch(payload, Number(process.argv[2]))
  process.stdout.write(`${JSON.stringify(result)}\n`)
} finally {
  await closePayload(payload)
}
process.exit(0)
