import type { Capability } from '../core/capability'
import { Brands } from './Brands'

/** The branded partner portal: brands. */
export const portal: Capability = {
  collections: [Brands],
}
