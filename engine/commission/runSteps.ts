/**
 * The commission run workflow: its statuses, its visible steps, and which actions each status allows. The run code
 * and the endpoints ask here, so the state machine is stated once.
 */
import { isPostedRun } from './lineStates'

export const RUN_STATUSES = ['queued', 'running', 'awaiting_approval', 'previewed', 'approved', 'locked', 'failed'] as const
export type RunStatus = (typeof RUN_STATUSES)[number]

/** The statuses of a run whose lines count as posted: stated in ./lineStates, with the other line states. */
export { POSTED_RUN_STATUSES } from './lineStates'

export const RUN_STEPS = ['collect', 'calculate', 'adjust', 'validate', 'approve', 'lock'] as const
export type RunStep = (typeof RUN_STEPS)[number]

export const RUN_STEP_LABELS: Record<RunStep, string> = {
  collect: 'Collect verified facts',
  calculate: 'Calculate',
  adjust: 'Apply adjustments',
  validate: 'Validate',
  approve: 'Wait for approval',
  lock: 'Lock',
}

export type StepRecord = { step: RunStep; status: 'done' | 'failed' | 'waiting' | 'skipped'; detail: string; at: string }

export type RunAction = 'rerun' | 'approve' | 'lock' | 'statements'

/** Why an action is refused in a status (null when allowed). */
export function actionRefusal(action: RunAction, status: RunStatus, mode: 'post' | 'preview'): string | null {
  switch (action) {
    case 'rerun':
      if (status === 'queued' || status === 'running') return 'the run is already queued or running'
      if (status === 'approved') return 'the run is approved; it can only be locked (re-running would replace approved lines)'
      if (status === 'locked') return 'the period is locked and immutable; post a debit or credit note in an open period instead'
      return null
    case 'approve':
      if (mode === 'preview') return 'a preview posts nothing and cannot be approved; run the period in post mode'
      return status === 'awaiting_approval'
        ? null
        : `only a run awaiting approval can be approved (this one is ${status.replace(/_/g, ' ')})`
    case 'lock':
      return status === 'approved' ? null : `only an approved run can be locked (this one is ${status.replace(/_/g, ' ')})`
    case 'statements':
      if (mode === 'preview') return 'a preview has no posted lines to print'
      return isPostedRun(status, mode) ? null : `statements need a calculated run (this one is ${status.replace(/_/g, ' ')})`
  }
}
