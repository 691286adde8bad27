import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { idsOnPath, type TreeNode } from '../../../../engine/network/tree'
import { pgIntArray } from '../../../../db/pgArray'
import { sqlSession } from '../../../../db/transaction'

/**
 * Serializes structural changes to the network for the rest of the transaction, so two concurrent moves can never
 * build a cycle between them.
 */
export async function lockTree(req: PayloadRequest): Promise<void> {
  const db = await sqlSession(req)
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('accrue.participants.tree'))`)
}

export async function findNode(req: PayloadRequest, id: number): Promise<(TreeNode & { kind: string }) | null> {
  const db = await sqlSession(req)
  const result = await db.execute(sql`select id, name, path, kind from participants where id = ${id}`)
  const row = result.rows[0] as { id: number; name: string; path: string | null; kind: string } | undefined
  return row ?? null
}

export async function findRoot(req: PayloadRequest): Promise<TreeNode | null> {
  const db = await sqlSession(req)
  const result = await db.execute(sql`select id, name, path from participants where parent_id is null limit 1`)
  return (result.rows[0] as TreeNode | undefined) ?? null
}

/** Names of the participants on a path, to write messages people can read. */
export async function namesOnPath(req: PayloadRequest, path: string | null | undefined): Promise<Map<number, string>> {
  if (!path) return new Map()
  const ids = idsOnPath(path)
  const db = await sqlSession(req)
  const result = await db.execute(sql`select id, name from participants where id = any(${pgIntArray(ids)}::int[])`)
  return new Map((result.rows as { id: number; name: string }[]).map((row) => [row.id, row.name]))
}
