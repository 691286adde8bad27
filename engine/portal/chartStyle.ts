/**
 * How a commission component is drawn in every chart (the portal's trend and breakdown, the PDF statement's bar): a
 * fill pattern and a colour, both fixed per component, so a component looks the same wherever it appears. The
 * pattern tells the series apart without colour; the label and amount printed beside each series say what it is.
 */
import { COMPONENT_ORDER } from '../commission'

/** Fill patterns, one per component of the registry's order (the web charts draw each as an SVG pattern). */
export const CHART_PATTERNS = [
  'solid',
  'diagonal',
  'dots',
  'horizontal',
  'crosshatch',
  'vertical',
  'back-diagonal',
  'grid',
  'checker',
  'wide-diagonal',
  'rings',
  'dense-dots',
  'zigzag',
  'outline',
] as const
export type ChartPattern = (typeof CHART_PATTERNS)[number]

/**
 * One colour per component: the Okabe–Ito palette (without its pale yellow), then Paul Tol's muted one, both chosen to
 * stay apart for the common colour-vision deficiencies. Colour only helps: the pattern and the label carry the meaning.
 */
export const CHART_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#d55e00',
  '#56b4e9',
  '#4b5563',
  '#332288',
  '#88ccee',
  '#117733',
  '#999933',
  '#aa4499',
  '#882255',
  '#44aa99',
] as const

export type SeriesStyle = { pattern: ChartPattern; colour: string }

/**
 * The pattern and colour of a component: its place in the registry's order (notes last), so each registered component
 * has a pattern of its own; a component outside the registry gets one from its name.
 */
export function seriesStyle(component: string): SeriesStyle {
  let index = COMPONENT_ORDER.indexOf(component)
  if (index === -1) index = [...component].reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) % 9973, 0)
  return { pattern: CHART_PATTERNS[index % CHART_PATTERNS.length]!, colour: CHART_COLOURS[index % CHART_COLOURS.length]! }
}

/** Components in the statements' order: the registry's first, then any other alphabetically. */
export function compareComponents(a: string, b: string): number {
  const rank = (c: string): number => {
    const i = COMPONENT_ORDER.indexOf(c)
    return i === -1 ? COMPONENT_ORDER.length : i
  }
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}
