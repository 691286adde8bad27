/**
 * The line states of `engine/commission/lineStates.ts` as SQL, for every query that reads posted, locked, held or
 * paid lines. The fragments use fixed aliases: `l` a commission line (or a staged run line), `r` its run, `p` its
 * period. Built from the engine's lists, so a status is spelled in one place.
 */
import { ACTIVE_HOLD_STATUS, LOCKED_STATUS, POSTED_RUN_STATUSES } from '../../engine/commission/lineStates'

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ')

/** Run `r` is in post mode and finished calculating: its lines are posted. */
export const POSTED_RUN = `r.mode = 'post' and r.status in (${list(POSTED_RUN_STATUSES)})`

/** Line `l` of run `r` in period `p` is locked: run and period are both locked. */
export const LOCKED_LINE = `(r.status = '${LOCKED_STATUS}' and p.status = '${LOCKED_STATUS}')`

/** The locked lines, as a `from` clause (aliases `l`, `r`, `p`). */
export const LOCKED_LINES = `commission_lines l
  join commission_runs r on r.id = l.run_id and r.mode = 'post' and r.status = '${LOCKED_STATUS}'
  join commission_periods p on p.id = l.period_id and p.status = '${LOCKED_STATUS}'`

/** Line `l` has an active hold on itself, its sale or its payee. */
export const HELD_LINE = `exists (select 1 from commission_holds h where h.status = '${ACTIVE_HOLD_STATUS}' and (
    (h.target = 'line' and h.line_id = l.id) or (h.target = 'sale' and h.sale_id = l.sale_id) or (h.target = 'participant' and h.participant_id = l.payee_id)))`

/** Line `l` has an active hold on its sale or its payee (the holds a run applies when it calculates). */
export const HELD_BY_SALE_OR_PAYEE = `(l.payee_id in (select participant_id from commission_holds where status = '${ACTIVE_HOLD_STATUS}' and target = 'participant')
    or l.sale_id in (select sale_id from commission_holds where status = '${ACTIVE_HOLD_STATUS}' and target = 'sale'))`

/** Line `l` is in no payment yet. */
export const UNPAID = `not exists (select 1 from payment_items i where i.line_id = l.id)`
