'use client'

import React from 'react'

/** A loyalty program as the page shows it (read by the page's server part, as the logged-in user). */
export type ProgramInfo = { id: number; code: string; name: string; unitName: string }

/** What every section gets: the program shown, the reload counter, and a callback after it changed something. */
export type SectionProps = { program: ProgramInfo; version: number; onChanged: () => void }

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Whole points with thousands separators ("1,240"); display only. */
export function pointsText(points: number): string {
  return WHOLE.format(points)
}

/** Points in the program's unit ("1,240 stars", "1 star"). */
export function inUnit(points: number, program: ProgramInfo): string {
  const unit = Math.abs(points) === 1 && program.unitName.endsWith('s') ? program.unitName.slice(0, -1) : program.unitName
  return `${pointsText(points)} ${unit}`
}

/** Signed points for a movement ("+26", "−40"). */
export function signedPoints(points: number): string {
  if (points > 0) return `+${pointsText(points)}`
  if (points < 0) return `−${pointsText(-points)}`
  return '0'
}

/** A record, or an empty one (the API's answers are read defensively: only what the page shows). */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** The first array among an answer's likely keys, or the answer itself when it is an array. */
export function listOf(value: unknown, keys: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value
  const record = asRecord(value)
  for (const key of keys) if (Array.isArray(record[key])) return record[key] as unknown[]
  return []
}

/** The first present value among keys, as text ('' when none). */
export function textOf(record: Record<string, unknown>, ...keys: string[]): string {
  for (const key of keys) {
    const value = record[key]
    if (typeof value === 'string') return value
    if (typeof value === 'number') return String(value)
  }
  return ''
}

/** The first present value among keys, as a whole number (numbers come from pg as strings too); null when none. */
export function numberOf(record: Record<string, unknown>, ...keys: string[]): number | null {
  for (const key of keys) {
    const value = record[key]
    if (typeof value === 'number' && Number.isFinite(value)) return value
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  }
  return null
}

/** A relation's code or name ("GLW-05 · Emma Rossi"), whether it came populated or as a bare id or code. */
export function nameOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return `#${value}`
  const record = asRecord(value)
  const code = textOf(record, 'code', 'sku', 'number')
  const name = textOf(record, 'name', 'label')
  if (code && name) return `${code} · ${name}`
  return code || name || (record.id !== undefined ? `#${textOf(record, 'id')}` : '—')
}

/** A fresh key for a POST the server may see twice (a double tap): the Idempotency-Key header. */
export function requestKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`
}

/** The empty state of a section, in words. */
export function Empty({ text, testId }: { text: string; testId: string }): React.ReactElement {
  return (
    <p className="empty" data-testid={testId}>
      {text}
    </p>
  )
}

/** A confirmation of what the server did, next to the form that asked for it. */
export function Notice({ text, testId }: { text: string | null; testId: string }): React.ReactElement | null {
  return text ? (
    <p className="notice" role="status" data-testid={testId}>
      {text}
    </p>
  ) : null
}
