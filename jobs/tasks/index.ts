import type { TaskConfig } from 'payload'

import { collectInvoicesTask } from './billpay/collectInvoices'
import { payInvoicesTask } from './billpay/payInvoices'
import { processInvoicesTask } from './billpay/processInvoices'
import { commissionRunTask } from './commission/commissionRun'
import { generateStatementsTask } from './commission/generateStatements'
import { loyaltyHousekeepingTask } from './loyalty/loyaltyHousekeeping'
import { pipelineStepTask } from './multilevel/pipelineStep'
import { runPipelineTask } from './multilevel/runPipeline'
import { payBatchTask } from './payments/payBatch'
import { pushCreditMemoTask } from './rebates/pushCreditMemo'
import { rebateHousekeepingTask } from './rebates/rebateHousekeeping'
import { reconcileTask } from './reconcile/reconcile'
import { runImportTask } from './ingest/runImport'
import { scrapeCarrierTask } from './scrape/scrapeCarrier'
import { verifyNetworkTask } from './network/verifyNetwork'

/** Every task the queue knows. Adding a task is adding it here (and to `schedulable.ts` if schedules may start it). */
export const tasks: TaskConfig[] = [
  verifyNetworkTask,
  runImportTask,
  reconcileTask,
  scrapeCarrierTask,
  commissionRunTask,
  generateStatementsTask,
  payBatchTask,
  pipelineStepTask,
  runPipelineTask,
  pushCreditMemoTask,
  rebateHousekeepingTask,
  collectInvoicesTask,
  processInvoicesTask,
  payInvoicesTask,
  loyaltyHousekeepingTask,
] as unknown as TaskConfig[]
