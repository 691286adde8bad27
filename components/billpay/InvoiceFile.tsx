'use client'

import React, { useEffect, useLayoutEffect, useRef, useState } from 'react'

import type { LineBox } from '../../engine/billpay/types'
import { errorOf } from './api'

/** react-pdf, loaded in the browser only (pdfjs-dist needs a newer Node than the server's, and a canvas). */
type PdfModule = typeof import('react-pdf')

/** The pdf.js worker, served by the web process (server.ts) from the very pdfjs-dist react-pdf loads. */
const PDF_WORKER = '/assets/pdf.worker.min.mjs'

/** Rendered page width bounds at "fit", in CSS pixels, and the zoom steps beyond it. */
const MIN_WIDTH = 320
const MAX_WIDTH = 1100
const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 2.5, 3] as const

/** The file as fetched: PDF bytes for react-pdf, or the text of a CSV or EDI file. */
type Loaded = { kind: 'pdf'; file: { data: Uint8Array } } | { kind: 'text'; text: string }

function usePdfModule(enabled: boolean): { pdf: PdfModule | null; error: string | null } {
  const [pdf, setPdf] = useState<PdfModule | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    if (!enabled || pdf) return
    let live = true
    import('react-pdf')
      .then((mod) => {
        mod.pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER
        if (live) setPdf(mod)
      })
      .catch((err: unknown) => {
        if (live) setError(`The PDF viewer could not load: ${err instanceof Error ? err.message : String(err)}`)
      })
    return () => {
      live = false
    }
  }, [enabled, pdf])
  return { pdf, error }
}

/** The width the page box offers inside its padding, followed as the window resizes. */
function useBoxWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const style = window.getComputedStyle(element)
      setWidth(Math.floor(element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/**
 * The original invoice file beside its review: a PDF rendered page by page on a canvas (react-pdf, no text or
 * annotation layer), with page navigation and — for the selected line — its page shown and its box outlined; a CSV
 * or EDI file as its text. `box` is in PDF points from the page's top-left, scaled by rendered width / pageWidth.
 */
export function InvoiceFile({
  apiBase,
  invoiceId,
  fileType,
  fileName,
  version,
  selected,
}: {
  apiBase: string
  invoiceId: number
  fileType: string | null
  fileName: string | null
  /** Changes when the invoice was read again, so the file is fetched anew. */
  version: string
  selected: { lineNo: number; page: number | null; box: LineBox | null } | null
}): React.ReactElement {
  const isPdf = fileType === 'pdf' || (fileType === null && /\.pdf$/i.test(fileName ?? ''))
  const { pdf, error: viewerError } = usePdfModule(isPdf)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pageCount, setPageCount] = useState<number | null>(null)
  const [page, setPage] = useState(1)
  const [renderedPage, setRenderedPage] = useState<number | null>(null)
  const scroller = useRef<HTMLDivElement | null>(null)
  const sheet = useRef<HTMLDivElement | null>(null)
  const highlight = useRef<HTMLDivElement | null>(null)
  const [zoom, setZoom] = useState(1)
  const fit = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, useBoxWidth(sheet)))
  const width = Math.round(fit * zoom)
  const zoomBy = (step: 1 | -1) => {
    const at = ZOOMS.findIndex((z) => z === zoom)
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (at < 0 ? 1 : at) + step))] ?? 1)
  }

  useEffect(() => {
    let live = true
    setLoaded(null)
    setError(null)
    setPageCount(null)
    setRenderedPage(null)
    void (async () => {
      try {
        const res = await fetch(`${apiBase}/carrier-invoices/${invoiceId}/file`, { credentials: 'include' })
        if (!res.ok) {
          const body: unknown = await res.json().catch(() => null)
          if (live) setError(errorOf(body, res.status))
          return
        }
        const next: Loaded = isPdf
          ? { kind: 'pdf', file: { data: new Uint8Array(await res.arrayBuffer()) } }
          : { kind: 'text', text: await res.text() }
        if (live) setLoaded(next)
      } catch (err) {
        if (live) setError(err instanceof Error ? err.message : String(err))
      }
    })()
    return () => {
      live = false
    }
  }, [apiBase, invoiceId, isPdf, version])

  // A selected line brings its page up.
  // (As a number: a numeric column may arrive as text.)
  const wantedPage = Number(selected?.box?.page ?? selected?.page ?? 0) || null
  useEffect(() => {
    if (wantedPage) setPage(wantedPage)
  }, [wantedPage, selected?.lineNo])

  const box = selected?.box && Number(selected.box.page) === page && Number(selected.box.pageWidth) > 0 ? selected.box : null
  const scale = box ? width / box.pageWidth : 1

  // Once the page with the selected line is drawn, scroll its box into the middle of the pane.
  useEffect(() => {
    const pane = scroller.current
    const mark = highlight.current
    if (!pane || !mark || renderedPage !== page) return
    const top = mark.offsetTop - pane.clientHeight / 3
    const left = mark.offsetLeft - 24
    pane.scrollTo({ top: Math.max(0, top), left: Math.max(0, left), behavior: 'smooth' })
  }, [box, renderedPage, page, width, selected?.lineNo])

  const go = (to: number) => {
    const last = pageCount ?? 1
    setPage(Math.min(last, Math.max(1, Math.trunc(to) || 1)))
  }

  if (error)
    return (
      <div className="bp-file" data-testid="invoice-file">
        <p className="bp-error" data-testid="invoice-file-error">
          {error}
        </p>
      </div>
    )

  if (!isPdf)
    return (
      <div className="bp-file" data-testid="invoice-file">
        <div className="bp-file-bar">
          <strong>{fileName ?? 'File'}</strong>
          <span className="bp-muted">{fileType}</span>
          <a href={`${apiBase}/carrier-invoices/${invoiceId}/file`} target="_blank" rel="noreferrer" data-testid="invoice-file-download">
            Open the file
          </a>
        </div>
        <div className="bp-file-scroll" ref={scroller}>
          {loaded?.kind === 'text' ? (
            <pre className="bp-file-text" data-testid="invoice-file-text">
              {loaded.text}
            </pre>
          ) : (
            <p>Loading the file…</p>
          )}
        </div>
      </div>
    )

  return (
    <div className="bp-file" data-testid="invoice-file">
      <div className="bp-file-bar">
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={page <= 1}
          onClick={() => go(page - 1)}
          data-testid="pdf-prev"
        >
          ‹ Previous
        </button>
        <label className="bp-page-input">
          Page{' '}
          <input
            type="number"
            min={1}
            max={pageCount ?? undefined}
            value={page}
            onChange={(e) => go(Number(e.target.value))}
            data-testid="pdf-page-number"
            aria-label="Page"
          />{' '}
          of <span data-testid="pdf-page-count">{pageCount ?? '…'}</span>
        </label>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          disabled={pageCount === null || page >= pageCount}
          onClick={() => go(page + 1)}
          data-testid="pdf-next"
        >
          Next ›
        </button>
        <span className="bp-zoom">
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => zoomBy(-1)}
            aria-label="Zoom out"
            data-testid="pdf-zoom-out"
          >
            −
          </button>
          <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => setZoom(1)} data-testid="pdf-zoom-fit">
            {Math.round(zoom * 100)}%
          </button>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            onClick={() => zoomBy(1)}
            aria-label="Zoom in"
            data-testid="pdf-zoom-in"
          >
            +
          </button>
        </span>
        <a href={`${apiBase}/carrier-invoices/${invoiceId}/file`} target="_blank" rel="noreferrer" data-testid="invoice-file-download">
          Open the PDF
        </a>
      </div>
      <div className="bp-file-scroll" ref={scroller} data-testid="invoice-pdf">
        <div className="bp-sheet" ref={sheet}>
          {viewerError ? (
            <p className="bp-error" data-testid="invoice-file-error">
              {viewerError}
            </p>
          ) : !pdf || loaded?.kind !== 'pdf' ? (
            <p>Loading the PDF…</p>
          ) : (
            <pdf.Document
              file={loaded.file}
              onLoadSuccess={(doc) => setPageCount(doc.numPages)}
              onLoadError={(err) => setError(`The PDF could not be read: ${err.message}`)}
              loading={<p>Loading the PDF…</p>}
            >
              <div className="bp-page" data-testid="pdf-page" data-page={page} data-rendered={renderedPage === page ? 'true' : 'false'}>
                <pdf.Page
                  pageNumber={page}
                  width={width}
                  renderTextLayer={false}
                  renderAnnotationLayer={false}
                  onRenderSuccess={() => setRenderedPage(page)}
                  loading={<p>Drawing page {page}…</p>}
                />
                {box ? (
                  <div
                    ref={highlight}
                    className="bp-highlight"
                    data-testid="pdf-highlight"
                    data-line={selected?.lineNo}
                    style={{ left: box.x * scale, top: box.y * scale, width: box.width * scale, height: box.height * scale }}
                  />
                ) : null}
              </div>
            </pdf.Document>
          )}
        </div>
      </div>
      {selected && !selected.box ? (
        <p className="bp-muted" data-testid="pdf-no-box">
          Line {selected.lineNo} has no known position in the PDF{selected.page ? ` (it is on page ${selected.page})` : ''}.
        </p>
      ) : null}
    </div>
  )
}
