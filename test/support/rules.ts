/** Tests write rule sets as tables of cells, the way the demo data does (`engine/rules/tableGraph.ts`). */
export { tableGraph as decisionTable, type TableSpec } from '../../engine/rules/tableGraph'
