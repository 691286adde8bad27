/** A simple SVG wordmark in the brand's colours, so the demo brands have real logo uploads. */
export function logoSvg(name: string, background: string, foreground: string): Buffer {
  const initials = name
    .split(/\s+/)
    .map((word) => word[0])
    .join('')
    .slice(0, 2)
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64">` +
      `<rect width="240" height="64" rx="8" fill="${background}"/>` +
      `<text x="20" y="42" font-family="Helvetica, Arial, sans-serif" font-size="28" font-weight="700" fill="${foreground}">${initials}</text>` +
      `<text x="70" y="40" font-family="Helvetica, Arial, sans-serif" font-size="16" fill="${foreground}">${name}</text></svg>`,
  )
}
