export { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, isWebhookEventType, type WebhookEventType } from './events'
