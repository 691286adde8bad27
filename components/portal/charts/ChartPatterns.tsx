import React from 'react'

import type { BarSpan, ChartPattern, SeriesStyle } from '../../../engine/portal'

/** The marks drawn in white over a component's colour in each 8 × 8 tile; `solid` has none, `outline` is pale. */
const MARKS: Record<ChartPattern, React.ReactNode> = {
  solid: null,
  diagonal: <path d="M-2 10 L10 -2 M6 10 L10 6 M-2 2 L2 -2" strokeWidth="1.6" />,
  'back-diagonal': <path d="M-2 -2 L10 10 M6 -2 L10 2 M-2 6 L2 10" strokeWidth="1.6" />,
  'wide-diagonal': <path d="M-2 10 L10 -2" strokeWidth="3" />,
  horizontal: <path d="M0 2 H8 M0 6 H8" strokeWidth="1.5" />,
  vertical: <path d="M2 0 V8 M6 0 V8" strokeWidth="1.5" />,
  grid: <path d="M0 4 H8 M4 0 V8" strokeWidth="1.2" />,
  crosshatch: <path d="M-2 10 L10 -2 M-2 -2 L10 10" strokeWidth="1.2" />,
  dots: <circle cx="4" cy="4" r="1.6" stroke="none" fill="#fff" />,
  'dense-dots': (
    <g stroke="none" fill="#fff">
      <circle cx="2" cy="2" r="1.1" />
      <circle cx="6" cy="6" r="1.1" />
    </g>
  ),
  rings: <circle cx="4" cy="4" r="2.2" strokeWidth="1.1" fill="none" />,
  checker: (
    <g stroke="none" fill="#fff" fillOpacity="0.75">
      <rect x="0" y="0" width="4" height="4" />
      <rect x="4" y="4" width="4" height="4" />
    </g>
  ),
  zigzag: <path d="M0 6 L2 2 L4 6 L6 2 L8 6" strokeWidth="1.3" fill="none" />,
  outline: null,
}

/** The id of a component's pattern in a chart whose definitions carry `prefix`. */
export function patternId(prefix: string, component: string): string {
  return `${prefix}-${component.replace(/[^A-Za-z0-9_-]/g, '_')}`
}

/**
 * The fill patterns of the components a chart draws, defined once per chart in a zero-size SVG (patterns are
 * referenced across SVG elements of the page by id, so the definitions must be rendered, not `display: none`).
 */
export function ChartPatterns({
  prefix,
  series,
}: {
  prefix: string
  series: { component: string; style: SeriesStyle }[]
}): React.ReactElement {
  return (
    <svg className="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {series.map(({ component, style }) => (
          <pattern key={component} id={patternId(prefix, component)} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={style.colour} fillOpacity={style.pattern === 'outline' ? 0.25 : 1} />
            <g stroke="#fff" fill="none">
              {MARKS[style.pattern]}
            </g>
          </pattern>
        ))}
      </defs>
    </svg>
  )
}

/** A component's swatch: its pattern in a small square, outlined in its colour. */
export function Swatch({ prefix, component, style }: { prefix: string; component: string; style: SeriesStyle }): React.ReactElement {
  return (
    <svg className="chart-swatch" width="16" height="16" aria-hidden="true" focusable="false" data-pattern={style.pattern}>
      <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${patternId(prefix, component)})`} stroke={style.colour} />
    </svg>
  )
}

/** One bar: its spans (percent of the width) filled with their components' patterns, with the zero line when it is not at the left. */
export function BarSvg({
  prefix,
  spans,
  zeroAt,
  height = 16,
}: {
  prefix: string
  spans: (BarSpan & { component: string; style: SeriesStyle; title: string })[]
  zeroAt: number
  height?: number
}): React.ReactElement {
  return (
    <svg className="chart-bar" width="100%" height={height} aria-hidden="true" focusable="false">
      {spans.map((span) => (
        <rect
          key={span.component}
          x={`${span.start}%`}
          y="1"
          width={`${span.width}%`}
          height={height - 2}
          fill={`url(#${patternId(prefix, span.component)})`}
          stroke={span.style.colour}
          strokeWidth="1"
          data-component={span.component}
        >
          <title>{span.title}</title>
        </rect>
      ))}
      {zeroAt > 0 ? <line x1={`${zeroAt}%`} x2={`${zeroAt}%`} y1="0" y2={height} stroke="#111827" strokeWidth="1.5" /> : null}
    </svg>
  )
}
