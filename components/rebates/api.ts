export { amountText, call, errorOf, labelOf, when, type Answer } from '../core/api'
