import type { CollectionConfig } from 'payload'

import { companyAdmins } from '../../access/core/companyAdmins'
import { staff } from '../../access/core/staff'
import { REPORT_KEYS, REPORTS, WIDGET_KEYS, WIDGETS } from '../../engine/analytics/catalog'
import { ROLE_LABELS, ROLES } from '../../engine/network'
import { auditChange } from '../../hooks/system/audit/auditChange'
import { auditDelete } from '../../hooks/system/audit/auditDelete'
import { reportFileEndpoint, reportsEndpoint, widgetEndpoint, widgetsEndpoint } from './endpoints/dashboards'

/** Which roles see a dashboard widget or may download a report (company admins always may). */
export const DashboardGrants: CollectionConfig = {
  slug: 'dashboard-grants',
  lockDocuments: false,
  admin: { useAsTitle: 'item', group: 'Settings', defaultColumns: ['item', 'roles'] },
  access: { read: staff, create: companyAdmins, update: companyAdmins, delete: companyAdmins },
  hooks: { afterChange: [auditChange], beforeDelete: [auditDelete] },
  endpoints: [widgetsEndpoint, widgetEndpoint, reportsEndpoint, reportFileEndpoint],
  fields: [
    {
      name: 'item',
      type: 'select',
      required: true,
      unique: true,
      options: [
        ...WIDGET_KEYS.map((value) => ({ value: `widget:${value}`, label: `Widget: ${WIDGETS[value]}` })),
        ...REPORT_KEYS.map((value) => ({ value: `report:${value}`, label: `Report: ${REPORTS[value]}` })),
      ],
    },
    { name: 'roles', type: 'select', hasMany: true, options: ROLES.map((value) => ({ value, label: ROLE_LABELS[value] })) },
  ],
}
