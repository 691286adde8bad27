export { HEADLINE_MONTHS, homeHeadlines } from './headline'
export { homeItemCounts, seesWholeNetwork, type HomeItemCount } from './items'
