import type { HomeItem } from '../../engine/home'

/** Proposals: those waiting for the logged-in user's participant to approve, and my own returned for changes. */
export const proposalsHome: HomeItem[] = [
  {
    key: 'proposals-waiting-for-me',
    label: 'Proposals waiting for my approval',
    group: 'Proposals',
    collection: 'proposals',
    where: ({ participantId }) => ({ status: { equals: 'submitted' }, waitingFor: { equals: participantId ?? 0 } }),
    sort: 'updatedAt',
  },
  {
    key: 'proposals-returned-to-me',
    label: 'My proposals returned for changes',
    group: 'Proposals',
    collection: 'proposals',
    where: ({ userId }) => ({ status: { equals: 'returned' }, author: { equals: userId } }),
    sort: 'updatedAt',
  },
]
