'use client'

import { useField } from '@payloadcms/ui'
import dynamic from 'next/dynamic'
import type { JSONFieldClientComponent } from 'payload'
import React, { useEffect, useMemo } from 'react'

import type { JdmContent } from '../../engine/rules/types'
import { sampleRequest, startingGraph } from './startingGraph'
import { useRulePurpose, useRuleStatus } from './useRulePurpose'

/** The JDM editor, fetched only when a rule version is open (it is heavy and reads `window`, so never rendered on the server). */
const JdmGraph = dynamic(() => import('./JdmGraph'), {
  ssr: false,
  loading: () => <div className="rule-editor__graph">Loading the rule editor…</div>,
})

const isGraph = (value: unknown): value is JdmContent =>
  typeof value === 'object' && value !== null && Array.isArray((value as JdmContent).nodes) && Array.isArray((value as JdmContent).edges)

/**
 * The `content` field of a rule version: the GoRules JDM editor over the version's decision graph. A new draft starts
 * with request → decision table (the purpose's inputs and outputs as columns) → response; the columns and expressions
 * suggest the purpose's input fields. Approved and retired versions are shown read-only.
 */
export const RuleEditor: JSONFieldClientComponent = ({ path, field, readOnly }) => {
  const { value, setValue, showError, errorMessage, disabled } = useField<JdmContent | null>({ path })
  const purpose = useRulePurpose()
  const { frozen } = useRuleStatus()
  const locked = Boolean(readOnly || disabled || frozen)
  const sample = useMemo(() => (purpose ? sampleRequest(purpose) : null), [purpose])

  useEffect(() => {
    if (!isGraph(value) && purpose && !locked) setValue(startingGraph(purpose))
  }, [value, purpose, locked, setValue])

  const label = typeof field.label === 'string' ? field.label : 'Rule'
  return (
    <div className="field-type rule-editor" data-testid="rule-editor">
      <label className="field-label">{label}</label>
      <p className="rule-editor__hint">
        {purpose
          ? `${purpose.label}. Inputs: ${purpose.inputs.map((f) => f.field).join(', ')}. Each row must return ${purpose.outputs
              .map((f) => f.field)
              .join(' and ')}.${frozen ? ' This version is frozen: retire it and write a new version to change the rule.' : ''}`
          : 'Choose the rule set first: its purpose gives the inputs the rule can read and the outputs it must return.'}
      </p>
      {showError && errorMessage ? (
        <div className="rule-try__error" role="alert" data-testid="rule-editor-error">
          {errorMessage}
        </div>
      ) : null}
      {isGraph(value) ? <JdmGraph value={value} onChange={(graph) => setValue(graph)} disabled={locked} sampleRequest={sample} /> : null}
    </div>
  )
}
