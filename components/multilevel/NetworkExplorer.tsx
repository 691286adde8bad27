'use client'

import React, { useCallback, useEffect, useState } from 'react'

import { MemberSummaryView, type MemberSummary } from './MemberSummaryView'
import { NetworkTree, type TreeNode } from './NetworkTree'

/**
 * The Network view's working area: the lazy downline tree on the left, the selected member's 360° on the right
 * (read from `GET /api/member-cycles/summary/:participant?cycle=`, staff seeing every KPI, the hidden ones marked).
 */
export function NetworkExplorer({
  rootId,
  cycleId,
  kpiCodes,
  apiBase,
}: {
  rootId: number
  cycleId: number | null
  kpiCodes: readonly string[]
  apiBase: string
}): React.ReactElement {
  const [selected, setSelected] = useState<number>(rootId)
  const [summary, setSummary] = useState<MemberSummary | null>(null)
  const [currency, setCurrency] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(
    async (id: number) => {
      setError(null)
      const [res, member] = await Promise.all([
        fetch(`${apiBase}/member-cycles/summary/${id}${cycleId ? `?cycle=${cycleId}` : ''}`, { credentials: 'include' }),
        fetch(`${apiBase}/participants/${id}?depth=0`, { credentials: 'include' }),
      ])
      if (!res.ok) {
        setSummary(null)
        setError(`Could not read member ${id} (HTTP ${res.status})`)
        return
      }
      setSummary((await res.json()) as MemberSummary)
      setCurrency(member.ok ? (((await member.json()) as { currency?: string | null }).currency ?? null) : null)
    },
    [apiBase, cycleId],
  )
  useEffect(() => {
    void load(selected)
  }, [selected, load])

  return (
    <div className="ml-explorer" style={{ display: 'flex', flexWrap: 'wrap', gap: 24, alignItems: 'flex-start', marginTop: 16 }}>
      <div style={{ flex: '1 1 380px', minWidth: 0 }}>
        <h2 style={{ fontSize: 18 }}>Downline</h2>
        <NetworkTree
          rootId={rootId}
          cycleId={cycleId}
          kpiCodes={kpiCodes}
          selectedId={selected}
          onSelect={(node: TreeNode) => setSelected(node.id)}
          apiBase={apiBase}
        />
      </div>
      <div style={{ flex: '1 1 420px', minWidth: 0 }} data-testid="network-360">
        <h2 style={{ fontSize: 18 }}>Member 360°</h2>
        {selected !== rootId ? (
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            style={{ margin: '0 0 8px' }}
            onClick={() => setSelected(rootId)}
          >
            Back to the top
          </button>
        ) : null}
        {error ? <p data-testid="network-360-error">{error}</p> : null}
        {summary ? <MemberSummaryView summary={summary} currency={currency} apiBase={apiBase} /> : error ? null : <p>Loading…</p>}
      </div>
    </div>
  )
}
