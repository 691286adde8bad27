/**
 * The rank report card: what a member still needs for the next rank. The rank rules are a decision table people
 * wrote; where a rank's row is made of plain comparisons on KPIs (`>= 800`, `> 5`, `[100..200]`, `100`), the card
 * lists each requirement with what the member has and the gap. A row with anything else (an expression, a tenure
 * condition) is shown as "decided by the rank rules" rather than guessed at.
 */
import { D } from '../core/decimal'
import type { JdmContent, JdmTable } from '../rules'

export type Requirement = { kpi: string; op: '>=' | '>' | '=' | 'between'; value: string; upTo?: string }
/** Per rank code: the plain KPI requirements of its first row, or null when the row is not plain comparisons. */
export type RankRequirements = Map<string, Requirement[] | null>

const KPI_FIELD = /^kpi\.([A-Za-z_][A-Za-z0-9_]*)$/
const NUMBER = '(-?\\d+(?:\\.\\d+)?)'

function parseCell(cell: string): Omit<Requirement, 'kpi'> | null | 'any' {
  const text = cell.trim()
  if (text === '' || text === '-') return 'any'
  let match = new RegExp(`^(>=|>)\\s*${NUMBER}$`).exec(text)
  if (match) return { op: match[1] as '>=' | '>', value: match[2]! }
  match = new RegExp(`^${NUMBER}$`).exec(text)
  if (match) return { op: '=', value: match[1]! }
  match = new RegExp(`^\\[\\s*${NUMBER}\\s*\\.\\.\\s*${NUMBER}\\s*\\]$`).exec(text)
  if (match) return { op: 'between', value: match[1]!, upTo: match[2]! }
  return null
}

/** The requirements each rank's row states, read from the graph's decision table that sets `rankCode`. */
export function rankRequirements(content: JdmContent): RankRequirements {
  const result: RankRequirements = new Map()
  for (const node of content.nodes ?? []) {
    if (node.type !== 'decisionTableNode') continue
    const table = node.content as JdmTable
    const out = table.outputs.find((c) => c.field?.trim() === 'rankCode')
    if (!out) continue
    for (const row of table.rules) {
      const code = String(row[out.id] ?? '')
        .trim()
        .replace(/^"(.*)"$/, '$1')
      if (code === '' || result.has(code)) continue
      const requirements: Requirement[] = []
      let plain = true
      for (const column of table.inputs) {
        const parsed = parseCell(String(row[column.id] ?? ''))
        if (parsed === 'any') continue
        const kpi = KPI_FIELD.exec(column.field?.trim() ?? '')
        if (!kpi || parsed === null) {
          plain = false
          break
        }
        requirements.push({ kpi: kpi[1]!, ...parsed })
      }
      result.set(code, plain ? requirements : null)
    }
  }
  return result
}

export type CardLine = { kpi: string; needs: string; has: string; gap: string; met: boolean }
export type RankCard =
  { next: null } | { next: string; lines: CardLine[]; decidedByRules: false } | { next: string; lines: []; decidedByRules: true }

function needsText(r: Requirement): string {
  return r.op === 'between' ? `${r.value} to ${r.upTo}` : r.op === '=' ? `exactly ${r.value}` : `${r.op} ${r.value}`
}

/**
 * The card for a member paid at rank order `paidOrder`: the next rank up (ranks by order) and, for each plain
 * requirement of it, what the member has (`kpis`, decimal text or numbers) and the gap (0 when met).
 */
export function rankCard(
  ranks: readonly { code: string; order: number }[],
  paidOrder: number,
  kpis: Readonly<Record<string, string | number>>,
  requirements: RankRequirements,
): RankCard {
  const next = [...ranks].sort((a, b) => a.order - b.order).find((r) => r.order > paidOrder)
  if (!next) return { next: null }
  const stated = requirements.get(next.code)
  if (stated === undefined || stated === null) return { next: next.code, lines: [], decidedByRules: true }
  const lines = stated.map((r): CardLine => {
    const has = new D(String(kpis[r.kpi] ?? 0))
    const low = new D(r.value)
    const met =
      r.op === '>=' ? has.gte(low) : r.op === '>' ? has.gt(low) : r.op === '=' ? has.eq(low) : has.gte(low) && has.lte(r.upTo ?? r.value)
    const gap = met || r.op === '=' ? new D(0) : D.max(low.minus(has), 0)
    return { kpi: r.kpi, needs: needsText(r), has: has.toFixed(), gap: gap.toFixed(), met }
  })
  return { next: next.code, lines, decidedByRules: false }
}
