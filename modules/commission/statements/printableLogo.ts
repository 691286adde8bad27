/** Pixels per inch an SVG logo is rendered at: sharp enough for print at the statement's logo size. */
const SVG_DENSITY = 288

/**
 * `sharp` (libvips) is loaded only when a logo needs converting: loaded eagerly by every process that boots Payload,
 * it made worker processes started side by side stall at boot (exit 13) in about one run in three.
 *
 * A brand logo as the PDF renderer can draw it: PNG and JPEG as stored; SVG and WebP (which react-pdf cannot draw)
 * rendered to PNG. A logo that cannot be read gives null, and the statement shows the brand's name instead.
 */
export async function printableLogo(bytes: Buffer, mime: string): Promise<Buffer | null> {
  if (/^image\/(png|jpe?g)$/.test(mime)) return bytes
  if (mime !== 'image/svg+xml' && mime !== 'image/webp') return null
  try {
    const { default: sharp } = await import('sharp')
    return await sharp(bytes, mime === 'image/svg+xml' ? { density: SVG_DENSITY } : {})
      .png()
      .toBuffer()
  } catch {
    return null
  }
}
