/** How far a long step has got: shown live in the admin and on /events/jobs. */
export type Progress = { done: number; total?: number; label?: string; counts?: Record<string, number> }

/**
 * The callback a long step is handed to report progress. The step never knows where it goes: the job task passes
 * one that writes the job row (`jobs/progress.ts`), a test or a benchmark passes its own or none.
 */
export type OnProgress = (progress: Progress) => Promise<void>

/** For callers that do not follow progress. */
export const ignoreProgress: OnProgress = async () => undefined
