import type { TaskConfig } from 'payload'

import { verifyNetworkTask } from './verifyNetwork'

/** Every task the queue knows. Adding a task is adding it here (and to `schedulable.ts` if schedules may start it). */
export const tasks: TaskConfig[] = [verifyNetworkTask as unknown as TaskConfig]
