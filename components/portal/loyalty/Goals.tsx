'use client'

import React from 'react'

import { day, LoadState, plain, useApi } from '../rebates/shared'
import { asRecord, Empty, listOf, numberOf, textOf, type SectionProps } from './shared'

/** One checklist item of a goal, met or not. */
export type GoalItemView = { label: string; met: boolean; measured: string; target: string }

/** A goal with the caller's progress. */
export type GoalView = {
  key: string
  name: string
  award: string
  startsOn: string
  endsOn: string
  percent: number
  items: GoalItemView[]
}

/** Reads GET /api/loyalty-goals/progress's answer (a list, or `{ goals }`); each goal's items and percentage. */
export function readGoals(body: unknown): GoalView[] {
  return listOf(body, ['goals', 'progress', 'docs']).map((entry, index) => {
    const g = asRecord(entry)
    const goal = asRecord(g.goal ?? g)
    const progress = asRecord(g.progress ?? g)
    const items = listOf(progress, ['items', 'checklist']).map((x) => {
      const i = asRecord(x)
      return { label: textOf(i, 'label'), met: i.met === true, measured: textOf(i, 'measured'), target: textOf(i, 'target') }
    })
    const met = items.filter((i) => i.met).length
    return {
      key: textOf(goal, 'id') || String(index),
      name: textOf(goal, 'name'),
      award: textOf(goal, 'awardDescription') || textOf(goal, 'award'),
      startsOn: textOf(goal, 'startsOn'),
      endsOn: textOf(goal, 'endsOn'),
      percent: numberOf(progress, 'percent', 'percentage') ?? (items.length ? Math.round((met * 100) / items.length) : 0),
      items,
    }
  })
}

/** #goals: each goal's checklist (met or not, with what was measured) and the percentage achieved. */
export function Goals({ version }: SectionProps): React.ReactElement {
  const { data, error, loading } = useApi<unknown>('/api/loyalty-goals/progress', version)
  const goals = data === null ? null : readGoals(data)
  return (
    <section id="goals" className="portal-section">
      <h2>My goals</h2>
      {goals && goals.length === 0 ? <Empty text="No goals are running." testId="goals-empty" /> : null}
      {goals && goals.length > 0 ? (
        <ul className="loyalty-cards" data-testid="goals">
          {goals.map((goal) => (
            <li key={goal.key} className="loyalty-card" data-testid="goal" data-percent={goal.percent}>
              <div className="loyalty-card-head">
                <strong>{goal.name}</strong>
                <span className="loyalty-percent" data-testid="goal-percent">
                  {goal.percent} %
                </span>
              </div>
              {goal.award ? <p className="loyalty-award">{goal.award}</p> : null}
              {goal.startsOn ? (
                <p className="rebates-hint">
                  {day(goal.startsOn)} – {day(goal.endsOn)}
                </p>
              ) : null}
              <div
                className="loyalty-bar"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={goal.percent}
                aria-label={`${goal.name}: ${goal.percent} % achieved`}
              >
                <span style={{ width: `${Math.min(100, Math.max(0, goal.percent))}%` }} />
              </div>
              <ul className="loyalty-checklist">
                {goal.items.map((item, i) => (
                  <li
                    key={`${item.label}-${i}`}
                    className={item.met ? 'met' : 'open'}
                    data-testid="goal-item"
                    data-met={item.met ? 'yes' : 'no'}
                  >
                    <span aria-hidden="true">{item.met ? '✓' : '○'}</span>
                    <span>
                      {item.label}
                      {item.measured && item.measured !== 'checked' ? (
                        <span className="rebates-hint"> · so far {plain(item.measured)}</span>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
      <LoadState loading={loading && !data} error={error} testId="goals-error" />
    </section>
  )
}
