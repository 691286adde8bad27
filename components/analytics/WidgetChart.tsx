'use client'
import React from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, Tooltip, XAxis, YAxis } from 'recharts'

import type { WidgetData } from '../../engine/analytics/shape'

const COLORS = ['#2f6fde', '#e07b39', '#3aa76d', '#c94f6d', '#8a63d2', '#d4a72c', '#4bb3c4', '#7d7d7d']

/**
 * One widget's data as a chart (bar, line or pie, as the widget says), for the admin's dashboards and the portal.
 * Money arrives as exact decimal strings; the chart draws them as numbers (display only).
 */
export function WidgetChart({
  widget,
  width = 500,
  height = 260,
}: {
  widget: WidgetData
  width?: number
  height?: number
}): React.ReactElement {
  const rows = widget.rows.map((row) => {
    const out: Record<string, string | number> = { [widget.x]: row[widget.x] ?? '' }
    for (const s of widget.series) out[s.key] = Number(row[s.key] ?? 0)
    return out
  })
  if (rows.length === 0 || widget.series.length === 0)
    return (
      <p data-testid={`chart-empty-${widget.key}`} style={{ height, margin: 0 }}>
        Nothing to show yet.
      </p>
    )
  if (widget.chart === 'pie') {
    const series = widget.series[0]!
    return (
      <PieChart width={width} height={height} data-testid={`chart-${widget.key}`}>
        <Pie
          data={rows}
          dataKey={series.key}
          nameKey={widget.x}
          outerRadius={Math.min(width, height) / 2 - 30}
          label
          isAnimationActive={false}
        >
          {rows.map((row, i) => (
            <Cell key={String(row[widget.x])} fill={COLORS[i % COLORS.length]} />
          ))}
        </Pie>
        <Tooltip />
        <Legend />
      </PieChart>
    )
  }
  if (widget.chart === 'line')
    return (
      <LineChart width={width} height={height} data={rows} data-testid={`chart-${widget.key}`}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={widget.x} fontSize={11} />
        <YAxis fontSize={11} allowDecimals={false} />
        <Tooltip />
        <Legend />
        {widget.series.map((s, i) => (
          <Line key={s.key} dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} />
        ))}
      </LineChart>
    )
  return (
    <BarChart width={width} height={height} data={rows} data-testid={`chart-${widget.key}`}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey={widget.x} fontSize={11} />
      <YAxis fontSize={11} />
      <Tooltip />
      <Legend />
      {widget.series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  )
}
