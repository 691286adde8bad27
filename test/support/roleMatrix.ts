import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { isRole, type Role } from '../../engine/network/roles'

const readme = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md')

/** The README's "Who may grant which role" table, read cell by cell: creator → role → allowed. */
export function documentedGrantMatrix(): Map<Role, Map<Role, boolean>> {
  const text = fs.readFileSync(readme, 'utf8')
  const block = text.split('<!-- role-matrix:start -->')[1]?.split('<!-- role-matrix:end -->')[0]
  if (!block) throw new Error('README has no role matrix between the role-matrix markers')
  const rows = block
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/`/g, '')),
    )
  const header = rows[0]!.slice(1)
  const matrix = new Map<Role, Map<Role, boolean>>()
  for (const row of rows.slice(2)) {
    const creator = row[0]!
    if (!isRole(creator)) throw new Error(`README matrix names an unknown role "${creator}"`)
    const cells = new Map<Role, boolean>()
    header.forEach((role, i) => {
      if (!isRole(role)) throw new Error(`README matrix names an unknown role "${role}"`)
      cells.set(role, row[i + 1] === 'yes')
    })
    matrix.set(creator, cells)
  }
  return matrix
}
