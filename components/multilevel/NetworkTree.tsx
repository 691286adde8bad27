'use client'

import React, { useCallback, useEffect, useRef, useState } from 'react'

import { formatKpi } from './format'
import './network.css'

/** One member as the downline endpoint gives it (`GET /api/member-cycles/downline/:participant`). */
export type TreeNode = {
  id: number
  name: string
  code: string | null
  path: string
  children: number
  rank: string | null
  kpis: Record<string, string>
}

type Branch = { nodes: TreeNode[]; total: number; loading: boolean; error: string | null }

/** Children are read a page at a time; a search shows at most what the endpoint returns (20). */
export const TREE_PAGE = 50
/** While expanding down to a search hit, the branch is read in larger pages until the next member of the path shows. */
const REVEAL_PAGE = 500

/**
 * The downline tree of `rootId` for a cycle, shared by the admin's Network view and the portal: children load lazily
 * from the downline endpoint (a page of 50, "more" for the next), each member shows its name, code, paid rank and a
 * KPI or two, and the search box (`q=`) finds members anywhere in the subtree and expands the tree down to the one
 * picked. Nothing but children pages and search results is ever loaded, so it stays quick on a network of 100,000+.
 */
export function NetworkTree({
  rootId,
  cycleId,
  kpiCodes,
  selectedId,
  onSelect,
  apiBase = '/api',
}: {
  rootId: number
  cycleId: number | null
  /** The KPIs each member shows (the first two are used). */
  kpiCodes: readonly string[]
  selectedId?: number | null
  /** When given, a member's name is a button that selects it (the admin's 360° panel). */
  onSelect?: (node: TreeNode) => void
  apiBase?: string
}): React.ReactElement {
  const [branches, setBranches] = useState<Record<number, Branch>>({})
  const [open, setOpen] = useState<Record<number, boolean>>({ [rootId]: true })
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<TreeNode[] | null>(null)
  const [searchError, setSearchError] = useState<string | null>(null)
  const [highlight, setHighlight] = useState<number | null>(null)
  const branchesRef = useRef(branches)
  branchesRef.current = branches
  const shown = kpiCodes.slice(0, 2)

  const url = useCallback(
    (id: number, params: Record<string, string | number>) => {
      const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
      if (cycleId) search.set('cycle', String(cycleId))
      return `${apiBase}/member-cycles/downline/${id}?${search.toString()}`
    },
    [apiBase, cycleId],
  )

  /** Reads the next page of `id`'s children and appends it; returns the branch as it then stands. */
  const loadMore = useCallback(
    async (id: number, limit = TREE_PAGE): Promise<Branch | null> => {
      const before = branchesRef.current[id]
      const offset = before?.nodes.length ?? 0
      setBranches((all) => ({ ...all, [id]: { nodes: all[id]?.nodes ?? [], total: all[id]?.total ?? 0, loading: true, error: null } }))
      const res = await fetch(url(id, { offset, limit }), { credentials: 'include' })
      if (!res.ok) {
        const error = `Could not load (HTTP ${res.status})`
        setBranches((all) => ({ ...all, [id]: { nodes: all[id]?.nodes ?? [], total: all[id]?.total ?? 0, loading: false, error } }))
        return null
      }
      const page = (await res.json()) as { total: number; nodes: TreeNode[] }
      const next: Branch = { nodes: [...(before?.nodes ?? []), ...page.nodes], total: page.total, loading: false, error: null }
      branchesRef.current = { ...branchesRef.current, [id]: next }
      setBranches((all) => ({ ...all, [id]: next }))
      return next
    },
    [url],
  )

  // A new root or cycle starts the tree again.
  useEffect(() => {
    branchesRef.current = {}
    setBranches({})
    setOpen({ [rootId]: true })
    setHits(null)
    void loadMore(rootId)
  }, [rootId, loadMore])

  const toggle = (node: TreeNode) => {
    const opening = !open[node.id]
    setOpen((all) => ({ ...all, [node.id]: opening }))
    if (opening && !branchesRef.current[node.id]) void loadMore(node.id)
  }

  const search = async (event: React.FormEvent) => {
    event.preventDefault()
    const text = query.trim()
    setSearchError(null)
    if (text.length < 2) {
      setHits(null)
      setSearchError(text === '' ? null : 'Type at least 2 characters.')
      return
    }
    const res = await fetch(url(rootId, { q: text }), { credentials: 'include' })
    if (!res.ok) {
      setSearchError(`Search failed (HTTP ${res.status})`)
      return
    }
    setHits(((await res.json()) as { nodes: TreeNode[] }).nodes)
  }

  /** Opens every member on the way from the root down to `hit`, reading each branch until the next one shows. */
  const reveal = async (hit: TreeNode) => {
    const ids = hit.path.split('/').filter(Boolean).map(Number)
    const from = ids.indexOf(rootId)
    const chain = ids.slice(from + 1)
    let parent = rootId
    for (const id of chain) {
      let branch = branchesRef.current[parent] ?? (await loadMore(parent))
      while (branch && !branch.nodes.some((n) => n.id === id) && branch.nodes.length < branch.total)
        branch = await loadMore(parent, REVEAL_PAGE)
      setOpen((all) => ({ ...all, [parent]: true }))
      parent = id
    }
    setHighlight(hit.id)
    onSelect?.(hit)
    setHits(null)
    requestAnimationFrame(() => document.querySelector(`[data-node="${hit.id}"]`)?.scrollIntoView({ block: 'nearest' }))
  }

  const renderBranch = (id: number, depth: number): React.ReactNode => {
    const branch = branches[id]
    if (!branch) return <p className="ml-tree-note">Loading…</p>
    return (
      <ul className="ml-tree-list" role={depth === 0 ? 'tree' : 'group'}>
        {branch.nodes.map((node) => (
          <li key={node.id} role="treeitem" aria-expanded={node.children > 0 ? Boolean(open[node.id]) : undefined}>
            <div
              className={`ml-node${selectedId === node.id ? ' selected' : ''}${highlight === node.id ? ' hit' : ''}`}
              data-testid="tree-node"
              data-node={node.id}
              data-code={node.code ?? ''}
            >
              {node.children > 0 ? (
                <button
                  type="button"
                  className="ml-toggle"
                  aria-label={`${open[node.id] ? 'Collapse' : 'Expand'} ${node.name}`}
                  data-testid={`tree-toggle-${node.code ?? node.id}`}
                  onClick={() => toggle(node)}
                >
                  {open[node.id] ? '▾' : '▸'}
                </button>
              ) : (
                <span className="ml-toggle leaf" aria-hidden="true">
                  ·
                </span>
              )}
              {onSelect ? (
                <button
                  type="button"
                  className="ml-name link"
                  onClick={() => onSelect(node)}
                  data-testid={`tree-select-${node.code ?? node.id}`}
                >
                  {node.name}
                </button>
              ) : (
                <span className="ml-name">{node.name}</span>
              )}
              <span className="ml-code">{node.code ?? `#${node.id}`}</span>
              <span className="ml-rank">{node.rank ?? 'no rank'}</span>
              {shown.map((code) => (
                <span key={code} className="ml-kpi">
                  {code} {formatKpi(node.kpis[code])}
                </span>
              ))}
              {node.children > 0 ? <span className="ml-children">{node.children} below</span> : null}
            </div>
            {open[node.id] ? renderBranch(node.id, depth + 1) : null}
          </li>
        ))}
        {branch.nodes.length === 0 && !branch.loading ? <li className="ml-tree-note">No members below.</li> : null}
        {branch.error ? <li className="ml-tree-note error">{branch.error}</li> : null}
        {branch.nodes.length < branch.total ? (
          <li>
            <button type="button" className="ml-more" disabled={branch.loading} onClick={() => void loadMore(id)} data-testid="tree-more">
              {branch.loading ? 'Loading…' : `More (${branch.total - branch.nodes.length} not shown)`}
            </button>
          </li>
        ) : null}
      </ul>
    )
  }

  return (
    <div className="ml-tree" data-testid="network-tree">
      <form className="ml-search" onSubmit={(e) => void search(e)} role="search">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search the network by name or code"
          aria-label="Search the network by name or code"
          data-testid="tree-search"
        />
        <button type="submit" data-testid="tree-search-go">
          Search
        </button>
      </form>
      {searchError ? <p className="ml-tree-note error">{searchError}</p> : null}
      {hits ? (
        <ul className="ml-hits" data-testid="tree-hits">
          {hits.length === 0 ? <li className="ml-tree-note">Nobody in the network matches.</li> : null}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link" onClick={() => void reveal(hit)} data-testid={`tree-hit-${hit.code ?? hit.id}`}>
                {hit.name} <span className="ml-code">{hit.code ?? `#${hit.id}`}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="ml-tree-box">{renderBranch(rootId, 0)}</div>
    </div>
  )
}
