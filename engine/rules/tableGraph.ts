/**
 * A JDM graph the way the editor saves it (input → one decision table → output), from a table written as rows of
 * cells: how the demo data, the tests and the benchmarks write rule sets so they read like the plan they encode.
 */
import type { JdmContent } from './types'

export type TableSpec = {
  name?: string
  hitPolicy?: 'first' | 'collect'
  /** The purpose fields the table reads (condition columns) and sets (output columns), in order. */
  inputs: string[]
  outputs: string[]
  /** One array per row: the input cells, then the output cells (JDM expressions: `"port_in"`, `>= 12`, `25`). */
  rows: string[][]
}

export function tableGraph(spec: TableSpec): JdmContent {
  const inputs = spec.inputs.map((field, i) => ({ id: `in${i}`, name: field, field }))
  const outputs = spec.outputs.map((field, i) => ({ id: `out${i}`, name: field, field }))
  const rules = spec.rows.map((cells, r) => {
    if (cells.length !== inputs.length + outputs.length)
      throw new Error(`row ${r + 1} has ${cells.length} cells; the table has ${inputs.length + outputs.length} columns`)
    const rule: Record<string, string> & { _id: string } = { _id: `row${r + 1}` }
    inputs.forEach((column, i) => (rule[column.id] = cells[i]!))
    outputs.forEach((column, i) => (rule[column.id] = cells[inputs.length + i]!))
    return rule
  })
  return {
    nodes: [
      { id: 'input', name: 'Request', type: 'inputNode', position: { x: 0, y: 0 } },
      {
        id: 'table',
        name: spec.name ?? 'Rates',
        type: 'decisionTableNode',
        position: { x: 300, y: 0 },
        content: { hitPolicy: spec.hitPolicy ?? 'collect', inputs, outputs, rules },
      },
      { id: 'output', name: 'Response', type: 'outputNode', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'input', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'output', type: 'edge' },
    ],
  }
}
