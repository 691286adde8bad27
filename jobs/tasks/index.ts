import type { TaskConfig } from 'payload'

import { reconcileTask } from './reconcile'
import { runImportTask } from './runImport'
import { scrapeCarrierTask } from './scrapeCarrier'
import { verifyNetworkTask } from './verifyNetwork'

/** Every task the queue knows. Adding a task is adding it here (and to `schedulable.ts` if schedules may start it). */
export const tasks: TaskConfig[] = [verifyNetworkTask, runImportTask, reconcileTask, scrapeCarrierTask] as unknown as TaskConfig[]
