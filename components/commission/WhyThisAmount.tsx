'use client'

import { useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

type FiredRow = { table: string; row: number; conditions: string; outputs: string; description: string | null }

type Explanation = {
  sentence: string
  line: { amount: string }
  rule: {
    inputs: unknown
    detail: Record<string, string> | null
    ruleVersion: { id: number; title: string | null; version: number; ruleSet: string } | null
    fired: FiredRow[]
    label: string | null
  }
  sources: { collection: string; id: number; summary: string }[]
}

/** On a commission line: asks the server why this amount, and shows the rule, its inputs and the source rows. */
export function WhyThisAmount(): React.ReactElement | null {
  const { id } = useDocumentInfo()
  const [why, setWhy] = useState<Explanation | null>(null)
  if (!id) return null
  const ask = async () => {
    const res = await fetch(`/api/commission-lines/${id}/why`, { credentials: 'include' })
    if (res.ok) setWhy((await res.json()) as Explanation)
  }
  return (
    <div style={{ position: 'relative' }}>
      <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void ask()} data-testid="why">
        Why this amount?
      </button>
      {why ? (
        // A panel over the form (the button sits in the document's control bar, which has no room for the answer).
        <div
          data-testid="why-answer"
          style={{
            position: 'absolute',
            top: '100%',
            left: 0,
            zIndex: 20,
            marginTop: 8,
            padding: 12,
            width: 'min(720px, 90vw)',
            maxHeight: '60vh',
            overflow: 'auto',
            background: 'var(--theme-elevation-0)',
            border: '1px solid var(--theme-elevation-150)',
            borderRadius: 4,
            boxShadow: '0 4px 16px rgba(0, 0, 0, 0.15)',
          }}
        >
          <p>{why.sentence}</p>
          {why.rule.ruleVersion ? (
            <ul data-testid="why-rule">
              {why.rule.fired.map((f) => (
                <li key={`${f.table}-${f.row}`}>
                  <a href={`/admin/collections/rule-versions/${why.rule.ruleVersion!.id}`}>
                    Rule set {why.rule.ruleVersion!.ruleSet} v{why.rule.ruleVersion!.version}
                  </a>
                  , table {f.table} row {f.row}: {f.conditions || '(any input)'} →{' '}
                  {why.rule.label ? `${why.rule.label} ${why.line.amount}` : f.outputs}
                  {f.description ? ` (${f.description})` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          <ul>
            {why.sources.map((s) => (
              <li key={`${s.collection}-${s.id}`}>
                <a href={`/admin/collections/${s.collection}/${s.id}`}>
                  {s.collection} #{s.id}
                </a>
                : {s.summary}
              </li>
            ))}
          </ul>
          <pre style={{ fontSize: 12 }}>{JSON.stringify(why.rule.inputs, null, 2)}</pre>
        </div>
      ) : null}
    </div>
  )
}
