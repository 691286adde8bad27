import type { TaskConfig } from 'payload'

import { commissionRunTask } from './commissionRun'
import { generateStatementsTask } from './generateStatements'
import { payBatchTask } from './payBatch'
import { reconcileTask } from './reconcile'
import { runImportTask } from './runImport'
import { scrapeCarrierTask } from './scrapeCarrier'
import { verifyNetworkTask } from './verifyNetwork'

/** Every task the queue knows. Adding a task is adding it here (and to `schedulable.ts` if schedules may start it). */
export const tasks: TaskConfig[] = [
  verifyNetworkTask, runImportTask, reconcileTask, scrapeCarrierTask, commissionRunTask, generateStatementsTask, payBatchTask,
] as unknown as TaskConfig[]
