import type { JdmContent, RuleField, RulePurpose } from '../../engine/rules/types'

/** The inputs a new table starts with as condition columns (when the purpose has them); the rest are one click away. */
const STARTING_INPUTS = ['carrier', 'ratePlan', 'activationType']

/** A JDM table column for a purpose field: named by its label, bound to its field, typed for the editor. */
function column(field: RuleField) {
  const enumValues = field.values?.length
    ? { enum: { type: 'inline' as const, values: field.values.map((value) => ({ label: value, value })) } }
    : {}
  return {
    id: `col-${field.field}`,
    name: field.label,
    field: field.field,
    ...(field.type === 'number' || field.type === 'money' ? { fieldType: { type: 'number' } } : {}),
    ...(field.type === 'text' ? { fieldType: { type: 'string', ...enumValues } } : {}),
  }
}

/**
 * The graph a new draft starts with: the request (the purpose's inputs) → one decision table with the purpose's main
 * inputs as conditions and every output as a column (hit policy `collect` when a result may be several lines) → the
 * response. The business user adds rows; nothing has to be typed as a field name.
 */
export function startingGraph(purpose: RulePurpose): JdmContent {
  const inputs = purpose.inputs.filter((f) => STARTING_INPUTS.includes(f.field))
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 80, y: 200 }, content: { schema: '' } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: purpose.manyResults ? 'Lines' : 'Decision',
        position: { x: 380, y: 185 },
        content: {
          hitPolicy: purpose.manyResults ? 'collect' : 'first',
          inputs: (inputs.length ? inputs : purpose.inputs.slice(0, 3)).map(column),
          outputs: purpose.outputs.map((f) => ({ id: `col-${f.field}`, name: f.label, field: f.field })),
          rules: [],
          passThrough: false,
          inputField: null,
          outputPath: null,
          executionMode: 'single',
        },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 720, y: 200 }, content: { schema: '' } },
    ],
    edges: [
      { id: 'request-table', sourceId: 'request', targetId: 'table', type: 'edge' },
      { id: 'table-response', sourceId: 'table', targetId: 'response', type: 'edge' },
    ],
  }
}

/** A value of each input's type, so the editor can suggest the purpose's fields (with their types) in every column and expression. */
export function sampleRequest(purpose: RulePurpose): Record<string, unknown> {
  const sample = (field: RuleField): unknown => {
    switch (field.type) {
      case 'number':
      case 'money':
        return 0
      case 'boolean':
        return false
      case 'list':
        return ['']
      case 'object':
        return {}
      case 'date':
        return '2026-01-01'
      default:
        return field.values?.[0] ?? ''
    }
  }
  return Object.fromEntries(purpose.inputs.map((f) => [f.field, sample(f)]))
}
