import type { DatabaseAdapterObj, DeleteOne } from 'payload'

/**
 * Works around a bug of @payloadcms/drizzle 3.90 (`dist/deleteOne.js`): when `deleteOne`'s `where` needs a join (a
 * hasMany or polymorphic relationship, an array...) and matches no row, it retries the same `where` without the
 * joins, which PostgreSQL refuses ("missing FROM-clause entry for table ..."): a 500 where nothing to delete is
 * `null`. Payload's `DELETE /api/payload-preferences/:key` hits it for every key the login has not saved (its
 * `where` is on the polymorphic `user` relationship). Here the row is looked up first (`findOne` applies the joins)
 * and deleted by its id; a lookup by id alone, which needs no join, goes straight through.
 */
export function withDeleteOneNoMatch<T extends DatabaseAdapterObj>(db: T): T {
  return {
    ...db,
    init: (args) => {
      const adapter = db.init(args)
      const deleteOne: DeleteOne = adapter.deleteOne
      adapter.deleteOne = async function (args) {
        const { where } = args
        if (Object.keys(where).length === 1 && where.id) return deleteOne.call(this, args)
        const match = await this.findOne({ collection: args.collection, locale: args.req?.locale ?? undefined, req: args.req, where })
        if (!match) return null
        return deleteOne.call(this, { ...args, where: { id: { equals: match.id } } })
      }
      return adapter
    },
  }
}
