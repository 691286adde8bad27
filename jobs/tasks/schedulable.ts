/** Tasks a schedule may start (their slugs and labels; the task configs live beside this file). */
export const SCHEDULABLE_TASKS = [{ slug: 'verifyNetwork', label: 'Verify the participant network' }] as const

export type SchedulableTaskSlug = (typeof SCHEDULABLE_TASKS)[number]['slug']
