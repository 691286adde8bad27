'use client'

import '@gorules/jdm-editor/dist/style.css'
import './rules.css'

import {
  DecisionGraph,
  JdmConfigProvider,
  NodeTypeKind,
  useWasmReady,
  type DecisionGraphRef,
  type DecisionGraphType,
} from '@gorules/jdm-editor'
import { VariableType } from '@gorules/zen-engine-wasm'
import React, { useEffect, useRef, useState } from 'react'

import type { JdmContent } from '../../engine/rules/types'

/** The JDM editor's own key for whether its node palette is open. */
const PALETTE_OPEN = 'jdm-components-opened'

/**
 * The editor sits inside Payload's document form, and some of its buttons carry no `type` (so they would submit the
 * form) and its text inputs would submit it on Enter. Their own handlers still run; only the form stays unsent.
 */
function keepFormUnsent(event: React.MouseEvent | React.KeyboardEvent): void {
  const target = event.target as HTMLElement
  if (event.type === 'click') {
    const button = target.closest('button')
    if (button && !button.hasAttribute('type')) event.preventDefault()
  } else if ((event as React.KeyboardEvent).key === 'Enter' && target instanceof HTMLInputElement) {
    event.preventDefault()
  }
}

/**
 * The GoRules JDM editor itself (React Flow graph, decision tables, expression cells). Loaded only in the browser and
 * only on the rule-version page (`RuleEditor` imports this file dynamically): it reads `window` when imported and
 * weighs a few megabytes.
 */
export default function JdmGraph({
  value,
  onChange,
  disabled,
  sampleRequest,
}: {
  value: JdmContent
  onChange: (value: JdmContent) => void
  disabled: boolean
  /** A value of each purpose input: the request node's type, so columns and expressions suggest the purpose's fields. */
  sampleRequest: Record<string, unknown> | null
}): React.ReactElement {
  const graph = useRef<DecisionGraphRef>(null)
  // The editor keeps its node palette open by default; here the graph gets the width and the palette is one click away.
  useState(() => {
    if (window.localStorage.getItem(PALETTE_OPEN) === null) window.localStorage.setItem(PALETTE_OPEN, 'false')
  })
  const wasmReady = useWasmReady()
  const requestId = value.nodes.find((n) => n.type === 'inputNode')?.id
  useEffect(() => {
    if (!wasmReady || !requestId || !sampleRequest || !graph.current) return
    graph.current.setNodeType(requestId, NodeTypeKind.InferredOutput, new VariableType(sampleRequest))
  }, [wasmReady, requestId, sampleRequest])
  return (
    <JdmConfigProvider>
      <div className="rule-editor__graph" data-testid="rule-editor-graph" onClickCapture={keepFormUnsent} onKeyDownCapture={keepFormUnsent}>
        <DecisionGraph
          ref={graph}
          value={value as unknown as DecisionGraphType}
          disabled={disabled}
          mode="business"
          onReactFlowInit={(flow) => setTimeout(() => flow.fitView({ maxZoom: 1 }), 50)}
          onChange={(graphValue) => onChange(graphValue as unknown as JdmContent)}
        />
      </div>
    </JdmConfigProvider>
  )
}
