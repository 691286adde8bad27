/**
 * A separate process that redeems a product for points (the concurrency test runs two at once on the same points).
 * Usage: DATABASE_URL=… tsx test/support/loyaltyRedeemProcess.ts <programId> <consultantId> <productId> <quantity> <today>
 * Prints one JSON line: the redemption, or the refusal (status, field, message).
 */
import pg from 'pg'

import { withTransaction } from '../../db/withTransaction'
import { LoyaltyRefusal } from '../../modules/loyalty/errors'
import { redeemProduct } from '../../modules/loyalty/ledger'

const [programId, consultantId, productId, quantity, today] = process.argv.slice(2)
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 })
try {
  const holder = { programId: Number(programId), consultantId: Number(consultantId), customer: null }
  const result = await withTransaction(pool, {}, (client) =>
    redeemProduct(client, holder, Number(productId), Number(quantity), null, null, null, String(today)),
  )
  process.stdout.write(`${JSON.stringify({ ok: true, id: result.id, points: result.points })}\n`)
} catch (err) {
  if (!(err instanceof LoyaltyRefusal)) throw err
  process.stdout.write(`${JSON.stringify({ ok: false, status: err.status, field: err.field, message: err.message })}\n`)
} finally {
  await pool.end()
}
process.exit(0)
