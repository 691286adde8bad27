import type { SanitizedCollectionConfig } from 'payload'

import { camelCase } from '../../../engine/api/openapi/paths'
import { errorResponses } from './components'
import type { Operation } from './build'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` })
const json = (schema: unknown) => ({ 'application/json': { schema } })
const idParam = { name: 'id', in: 'path', required: true, description: 'The document’s id.', schema: { type: 'integer' } }

function listSchema(slug: string) {
  return {
    type: 'object',
    properties: {
      docs: { type: 'array', items: ref(slug) },
      totalDocs: { type: 'integer' },
      limit: { type: 'integer' },
      totalPages: { type: 'integer' },
      page: { type: 'integer' },
      pagingCounter: { type: 'integer' },
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: { type: ['integer', 'null'] },
      nextPage: { type: ['integer', 'null'] },
    },
    required: ['docs'],
  }
}

const docMessage = (slug: string) => ({
  type: 'object',
  properties: { doc: ref(slug), message: { type: 'string' } },
  required: ['doc'],
})

const bulkResult = (slug: string) => ({
  type: 'object',
  properties: {
    docs: { type: 'array', items: ref(slug) },
    errors: { type: 'array', items: { type: 'object', properties: { id: {}, message: { type: 'string' } } } },
    message: { type: 'string' },
  },
  required: ['docs'],
})

/** The body of a create: JSON, or for an upload collection multipart with the file and the fields as JSON in `_payload`. */
function createBody(collection: SanitizedCollectionConfig) {
  const input = ref(`${collection.slug}-input`)
  if (!collection.upload) return { required: true, content: json(input) }
  return {
    required: true,
    description: 'Multipart: the file in `file`, the other fields as a JSON object (text) in `_payload`.',
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          properties: {
            file: { type: 'string', format: 'binary' },
            _payload: {
              type: 'string',
              description: 'The document’s fields as JSON text, e.g. {"mapping":3}.',
              contentMediaType: 'application/json',
            },
          },
          required: ['file'],
        },
      },
    },
  }
}

/** The CRUD operations of one collection, with Payload's list parameters and the shared errors. */
export function collectionPaths(collection: SanitizedCollectionConfig): Record<string, Record<string, Operation>> {
  const { slug } = collection
  const name = camelCase(slug)
  const tags = [slug]
  const listParams = ['where', 'limit', 'page', 'sort', 'depth', 'pagination', 'select'].map(param)
  return {
    [`/${slug}`]: {
      get: {
        tags,
        operationId: `${name}.find`,
        summary: `List ${slug}`,
        description: 'The documents this login may read (row-level access applies), filtered, sorted and paged.',
        parameters: listParams,
        responses: {
          200: { description: 'A page of documents.', content: json(listSchema(slug)) },
          ...errorResponses([400, 401, 403, 429]),
        },
      },
      post: {
        tags,
        operationId: `${name}.create`,
        summary: `Create a ${slug} document`,
        parameters: [param('depth'), param('IdempotencyKey')],
        requestBody: createBody(collection),
        responses: { 201: { description: 'Created.', content: json(docMessage(slug)) }, ...errorResponses([400, 401, 403, 409, 429]) },
      },
      patch: {
        tags,
        operationId: `${name}.updateMany`,
        summary: `Update every ${slug} document matching where`,
        parameters: [param('where'), param('depth')],
        requestBody: {
          required: true,
          content: json({ $ref: `#/components/schemas/${slug}-input`, description: 'Only the fields to change.' }),
        },
        responses: {
          200: { description: 'The updated documents and per-document errors.', content: json(bulkResult(slug)) },
          ...errorResponses([400, 401, 403, 429]),
        },
      },
      delete: {
        tags,
        operationId: `${name}.deleteMany`,
        summary: `Delete every ${slug} document matching where`,
        parameters: [param('where')],
        responses: {
          200: { description: 'The deleted documents and per-document errors.', content: json(bulkResult(slug)) },
          ...errorResponses([400, 401, 403, 429]),
        },
      },
    },
    [`/${slug}/{id}/duplicate`]: {
      post: {
        tags,
        operationId: `${name}.duplicate`,
        summary: `Copy one ${slug} document`,
        description:
          'Creates a new document from this one’s fields (unique fields must then be changed), with the same checks as a create.',
        parameters: [idParam, param('depth'), param('IdempotencyKey')],
        responses: {
          200: { description: 'The copy.', content: json(docMessage(slug)) },
          201: { description: 'The copy.', content: json(docMessage(slug)) },
          ...errorResponses([400, 401, 403, 404, 409, 429]),
        },
      },
    },
    [`/${slug}/count`]: {
      get: {
        tags,
        operationId: `${name}.count`,
        summary: `Count ${slug}`,
        parameters: [param('where')],
        responses: {
          200: {
            description: 'How many documents this login may read match.',
            content: json({ type: 'object', properties: { totalDocs: { type: 'integer' } }, required: ['totalDocs'] }),
          },
          ...errorResponses([400, 401, 403, 429]),
        },
      },
    },
    [`/${slug}/{id}`]: {
      get: {
        tags,
        operationId: `${name}.findById`,
        summary: `Read one ${slug} document`,
        parameters: [idParam, param('depth'), param('select')],
        responses: { 200: { description: 'The document.', content: json(ref(slug)) }, ...errorResponses([400, 401, 403, 404, 429]) },
      },
      patch: {
        tags,
        operationId: `${name}.updateById`,
        summary: `Update one ${slug} document`,
        parameters: [idParam, param('depth')],
        requestBody: {
          required: true,
          content: json({ $ref: `#/components/schemas/${slug}-input`, description: 'Only the fields to change.' }),
        },
        responses: { 200: { description: 'Updated.', content: json(docMessage(slug)) }, ...errorResponses([400, 401, 403, 404, 409, 429]) },
      },
      delete: {
        tags,
        operationId: `${name}.deleteById`,
        summary: `Delete one ${slug} document`,
        parameters: [idParam],
        responses: { 200: { description: 'Deleted.', content: json(docMessage(slug)) }, ...errorResponses([400, 401, 403, 404, 409, 429]) },
      },
    },
  }
}

/** Login, logout, who am I, token refresh and password reset of an auth collection. */
export function authPaths(collection: SanitizedCollectionConfig): Record<string, Record<string, Operation>> {
  const { slug } = collection
  const name = camelCase(slug)
  const tags = [slug]
  const credentials = {
    type: 'object',
    properties: { email: { type: 'string' }, password: { type: 'string' } },
    required: ['email', 'password'],
  }
  return {
    [`/${slug}/login`]: {
      post: {
        tags,
        operationId: `${name}.login`,
        summary: 'Log in',
        description:
          'Sets the session cookie and returns a token for `Authorization: JWT <token>`. Failed attempts are throttled per address and per email (429).',
        security: [{}],
        requestBody: { required: true, content: json(credentials) },
        responses: {
          200: {
            description: 'Logged in.',
            content: json({
              type: 'object',
              properties: { user: ref(slug), token: { type: 'string' }, exp: { type: 'integer' }, message: { type: 'string' } },
              required: ['user', 'token'],
            }),
          },
          ...errorResponses([400, 401, 429]),
        },
      },
    },
    [`/${slug}/logout`]: {
      post: {
        tags,
        operationId: `${name}.logout`,
        summary: 'Log out',
        responses: { 200: { description: 'Logged out.', content: json({ type: 'object' }) }, ...errorResponses([400]) },
      },
    },
    [`/${slug}/me`]: {
      get: {
        tags,
        operationId: `${name}.me`,
        summary: 'The current login',
        responses: {
          200: {
            description: '`user` is null when nobody is logged in.',
            content: json({ type: 'object', properties: { user: { oneOf: [ref(slug), { type: 'null' }] }, exp: { type: 'integer' } } }),
          },
          ...errorResponses([429]),
        },
      },
    },
    [`/${slug}/refresh-token`]: {
      post: {
        tags,
        operationId: `${name}.refreshToken`,
        summary: 'Refresh the session token',
        responses: {
          200: {
            description: 'A new token.',
            content: json({ type: 'object', properties: { refreshedToken: { type: 'string' }, exp: { type: 'integer' } } }),
          },
          ...errorResponses([401]),
        },
      },
    },
    [`/${slug}/forgot-password`]: {
      post: {
        tags,
        operationId: `${name}.forgotPassword`,
        summary: 'Email a password reset link',
        security: [{}],
        requestBody: { required: true, content: json({ type: 'object', properties: { email: { type: 'string' } }, required: ['email'] }) },
        responses: {
          200: { description: 'Sent when the email belongs to a login (the answer does not say).', content: json({ type: 'object' }) },
          ...errorResponses([400, 429]),
        },
      },
    },
    [`/${slug}/reset-password`]: {
      post: {
        tags,
        operationId: `${name}.resetPassword`,
        summary: 'Set a new password with a reset token',
        security: [{}],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: { token: { type: 'string' }, password: { type: 'string' } },
            required: ['token', 'password'],
          }),
        },
        responses: { 200: { description: 'Password changed.', content: json({ type: 'object' }) }, ...errorResponses([400]) },
      },
    },
  }
}
