import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { currentUser, participantIdOf } from '../../access/core/user'
import { capabilities } from '../../collections'
import { ROLE_LABELS, isRole } from '../../engine/network'
import { dbPool } from '../../db/pool'
import { homeHeadlines, homeItemCounts, seesWholeNetwork, type HomeItemCount } from '../../modules/home'
import { TrendChart } from './TrendChart'
import './home.css'

/**
 * The admin's landing page (it replaces Payload's collection cards): what needs doing for the logged-in login, each
 * item a count of rows read with that login's own access and a link to the same filtered list, grouped by job; then
 * the period's headline figures with a small trend. Items come from every capability's `home` list
 * (collections/<capability>/home.ts), so a new capability adds its own without touching this page.
 */
export async function OperationsHome(props: AdminViewServerProps): Promise<React.ReactElement | null> {
  const { req } = props.initPageResult
  const user = currentUser(req)
  if (!user) return null
  const today = new Date().toISOString().slice(0, 10)
  const items = await homeItemCounts(
    req,
    capabilities.flatMap((capability) => capability.home ?? []),
    today,
  )
  const staff = seesWholeNetwork(user)
  const participantId = participantIdOf(user)
  const figures =
    staff || participantId !== null ? await homeHeadlines(dbPool(req.payload), today, staff ? null : participantId, staff) : []
  const due = items.filter((item) => item.count > 0)
  const groups = [...new Set(items.map((item) => item.group))]
  const roles = (user.roles ?? []).filter(isRole).map((role) => ROLE_LABELS[role])
  const name = (req.user as { name?: string | null; email?: string } | null)?.name ?? (req.user as { email?: string }).email
  return (
    <Gutter>
      <div className="ops-home" data-testid="ops-home">
        <header className="ops-home__header">
          <h1>Good to see you, {name}</h1>
          <p className="ops-home__scope" data-testid="ops-home-scope">
            {roles.join(', ')} · {staff ? 'the whole network' : 'your part of the network'} · {today}
          </p>
        </header>
        <section aria-labelledby="ops-home-due">
          <h2 id="ops-home-due">
            {due.length === 0 ? 'Nothing needs doing right now' : `${due.length} ${due.length === 1 ? 'thing needs' : 'things need'} doing`}
          </h2>
          <div className="ops-home__groups">
            {groups.map((group) => (
              <div className="ops-home__group" key={group} data-testid={`ops-group-${group}`}>
                <h3>{group}</h3>
                <ul>
                  {items
                    .filter((item) => item.group === group)
                    .map((item) => (
                      <HomeItemRow key={item.key} item={item} />
                    ))}
                </ul>
              </div>
            ))}
          </div>
          {items.length === 0 ? <p>Your login has no work lists; the sidebar lists what you may open.</p> : null}
        </section>
        {figures.length > 0 ? (
          <section aria-labelledby="ops-home-figures" className="ops-home__figures">
            <h2 id="ops-home-figures">This period</h2>
            <div className="ops-home__cards">
              {figures.map((figure) => (
                <TrendChart key={figure.key} headline={figure} />
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </Gutter>
  )
}

function HomeItemRow({ item }: { item: HomeItemCount }): React.ReactElement {
  return (
    <li className={item.count > 0 ? 'ops-item ops-item--due' : 'ops-item'} data-testid={`ops-item-${item.key}`}>
      <a href={item.href} data-testid={`ops-link-${item.key}`}>
        <span className="ops-item__count" data-testid={`ops-count-${item.key}`}>
          {item.count}
        </span>
        <span className="ops-item__label">{item.label}</span>
      </a>
      {item.hint && item.count > 0 ? <span className="ops-item__hint">{item.hint}</span> : null}
    </li>
  )
}
