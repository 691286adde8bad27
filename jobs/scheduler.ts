import cron, { type ScheduledTask } from 'node-cron'
import type { Payload } from 'payload'
import { createLocalReq, initTransaction, commitTransaction, killTransaction } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { sqlSession } from '../db/transaction'

type ScheduleRow = { id: number; name: string; task: string; cron: string; timezone: string; input: unknown; updatedAt: string }

/** Truncates a fire time to its minute: the identity of a slot, equal in every process. */
export function slotOf(date: Date): Date {
  const slot = new Date(date)
  slot.setUTCSeconds(0, 0)
  return slot
}

/**
 * Enqueues a schedule's job for one slot, exactly once across processes: the slot row (unique on schedule + slot)
 * is claimed with INSERT … ON CONFLICT DO NOTHING, and the job is queued in the same transaction; a process that
 * finds the slot taken enqueues nothing. Returns the job id, or null when the slot had already fired.
 */
export async function fireSlot(
  payload: Payload,
  schedule: Pick<ScheduleRow, 'id' | 'task' | 'input'>,
  slotAt: Date,
): Promise<string | null> {
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    const db = await sqlSession(req)
    const slot = await db.execute(sql`
      insert into schedule_slots (schedule_id, slot_at) values (${schedule.id}, ${slotAt.toISOString()})
      on conflict (schedule_id, slot_at) do nothing returning id`)
    const slotId = (slot.rows[0] as { id: number } | undefined)?.id
    if (slotId === undefined) {
      await killTransaction(req)
      return null
    }
    const job = (await payload.jobs.queue({ task: schedule.task as never, input: (schedule.input ?? {}) as never, req })) as {
      id: number | string
    }
    await db.execute(sql`update schedule_slots set job_id = ${String(job.id)} where id = ${slotId}`)
    await db.execute(sql`update schedules set last_slot_at = ${slotAt.toISOString()} where id = ${schedule.id}`)
    await commitTransaction(req)
    return String(job.id)
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}

/**
 * Runs enabled schedules with node-cron, re-reading them every minute so edits in the admin take effect.
 * Every process may run this; `fireSlot` makes each slot enqueue once.
 */
export function startScheduler(payload: Payload): { stop: () => Promise<void> } {
  const running = new Map<number, { task: ScheduledTask; version: string }>()

  const sync = async (): Promise<void> => {
    const { docs } = await payload.find({
      collection: 'schedules',
      where: { enabled: { equals: true } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    const wanted = new Set<number>()
    for (const doc of docs as unknown as ScheduleRow[]) {
      wanted.add(doc.id)
      const version = `${doc.cron}|${doc.timezone}|${doc.task}|${doc.updatedAt}`
      if (running.get(doc.id)?.version === version) continue
      await running.get(doc.id)?.task.destroy()
      const task = cron.schedule(
        doc.cron,
        async (context) => {
          try {
            const jobId = await fireSlot(payload, doc, slotOf(context.date))
            if (jobId) payload.logger.info(`schedule "${doc.name}" enqueued job ${jobId}`)
          } catch (err) {
            payload.logger.error({ err, msg: `schedule "${doc.name}" could not enqueue its job` })
          }
        },
        { timezone: doc.timezone, name: `schedule-${doc.id}`, noOverlap: true },
      )
      running.set(doc.id, { task, version })
    }
    for (const [id, entry] of running) {
      if (!wanted.has(id)) {
        await entry.task.destroy()
        running.delete(id)
      }
    }
  }

  const syncing = cron.schedule('* * * * *', () => sync().catch((err) => payload.logger.error({ err, msg: 'schedule sync failed' })), {
    name: 'schedule-sync',
  })
  void sync().catch((err) => payload.logger.error({ err, msg: 'schedule sync failed' }))
  return {
    stop: async () => {
      await syncing.destroy()
      for (const entry of running.values()) await entry.task.destroy()
      running.clear()
    },
  }
}
