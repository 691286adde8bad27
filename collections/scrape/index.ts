import type { Capability } from '../core/capability'
import { scrapeHome } from './home'
import { CarrierConnectors } from './CarrierConnectors'
import { PortalCredentials } from './PortalCredentials'
import { ScrapeEvidence } from './ScrapeEvidence'
import { ScrapeRuns } from './ScrapeRuns'

/** Carrier portal scraping: sealed credentials, connectors, runs and their evidence. */
export const scrape: Capability = {
  home: scrapeHome,
  collections: [PortalCredentials, CarrierConnectors, ScrapeRuns, ScrapeEvidence],
}
