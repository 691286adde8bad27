export { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, isWebhookEventType, type WebhookEventType } from './events'
export { apiDoc, type ApiDoc, type EndpointDoc, type ParamDoc, type ResponseDoc, type Schema } from './openapi/types'
export * as s from './openapi/schema'
