import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { formatAdminURL } from 'payload/shared'
import React from 'react'

import { currentUser, type AccessUser } from '../../access/core/user'

/**
 * The logged-in user of a custom admin root view, or a redirect to the admin login that comes back to `path`.
 * Payload renders custom root views to anyone, logged in or not, so each view asks for the login itself.
 */
export function viewUserOrLogin({ initPageResult }: AdminViewServerProps, path: string): AccessUser {
  const { payload } = initPageResult.req
  const principal = currentUser(initPageResult.req)
  if (!principal) {
    const login = formatAdminURL({ adminRoute: payload.config.routes.admin, path: payload.config.admin.routes.login })
    redirect(`${login}?redirect=${encodeURIComponent(path)}`)
  }
  return principal
}

/** A custom admin root view inside the admin's own frame (navigation, header), its content in a gutter. */
export function AdminViewFrame({ props, children }: { props: AdminViewServerProps; children: React.ReactNode }): React.ReactElement {
  const { initPageResult, params, searchParams, user } = props
  const { req, locale, permissions, visibleEntities } = initPageResult
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={user}
      visibleEntities={{ collections: visibleEntities.collections, globals: visibleEntities.globals }}
    >
      <Gutter>{children}</Gutter>
    </DefaultTemplate>
  )
}
