/** Accrue's mark: a rising stack of three bars (what is owed, accruing) in a rounded square. */
export const ACCRUE_MARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f766e"/>' +
  '<rect x="7" y="17" width="4" height="8" rx="1" fill="#fff"/><rect x="14" y="12" width="4" height="13" rx="1" fill="#fff"/>' +
  '<rect x="21" y="7" width="4" height="18" rx="1" fill="#fff"/></svg>'

/** The favicon and touch icon, as a data URL (no static file to serve). */
export const ACCRUE_ICON_URL = `data:image/svg+xml,${encodeURIComponent(ACCRUE_MARK_SVG)}`
