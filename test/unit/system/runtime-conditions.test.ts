import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/** Where a process started like our servers, workers and migrations (same environment, same folder) finds a module. */
function resolvedInChild(specifier: string): string {
  const script = `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`
  return execFileSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: root, env: process.env, encoding: 'utf8' }).trim()
}

describe('start-up of our Node processes', () => {
  // lexical's `*.node.mjs` entry is a wrapper whose top-level `await import()` made Node 20 processes loading Payload
  // exit with code 13 now and then (README, "Start-up stalls"); `.npmrc` makes every npm-started process resolve the
  // "production" condition, which leads to lexical's direct build.
  it.each(['lexical', '@lexical/extension', '@lexical/utils'])(
    'a child process resolves %s to its direct build, not the top-level-await wrapper',
    (specifier) => {
      const resolved = resolvedInChild(specifier)
      expect(resolved).toMatch(/\.prod\.mjs$/)
      expect(resolved).not.toMatch(/\.node\.mjs$/)
    },
  )
})
