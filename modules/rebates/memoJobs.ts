/** Queueing credit memo pushes: one job per memo; the job retries with backoff while the ERP is down. */
import type { Payload } from 'payload'

export async function queueMemoPush(payload: Payload, memoId: number): Promise<void> {
  await payload.jobs.queue({ task: 'pushCreditMemo', input: { memo: memoId } })
}
