export { openApiDocument } from './openapi/document'
export { buildOpenApi, customEndpoints, documentedCollections, type OpenApiDocument } from './openapi/build'
export { emitEvent, emitEventSql, newEventId, type EventData } from './webhooks/emit'
export { startDeliverer, type DelivererOptions, type RunningDeliverer } from './webhooks/deliver'
