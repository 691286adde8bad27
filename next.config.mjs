import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The rules engine's Node binding (a native .node addon) is loaded by Node at run time, never bundled.
  serverExternalPackages: ['@gorules/zen-engine'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
