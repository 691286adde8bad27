import type { ParticipantKind } from '../../engine/network/participants'
import type { Role } from '../../engine/network/roles'

/** The demo network: an operating company with two sibling partners, a distributor and their people. */
export type SeedParticipant = {
  code: string
  name: string
  kind: ParticipantKind
  parent?: string
  territory?: string
  brand?: string
  joinedOn: string
  status?: 'active' | 'suspended' | 'terminated'
  minimumPayout?: string
  email?: string
}

export const TERRITORIES = [
  { code: 'US-W', name: 'West', country: 'US', region: 'Pacific' },
  { code: 'US-MW', name: 'Midwest', country: 'US', region: 'Great Lakes' },
  { code: 'US-NE', name: 'Northeast', country: 'US', region: 'New England' },
  { code: 'US-SE', name: 'Southeast', country: 'US', region: 'South Atlantic' },
  { code: 'US-TX', name: 'Texas', country: 'US', region: 'South Central' },
]

export const BRANDS = [
  {
    key: 'northwind',
    name: 'Northwind Communications',
    primaryColor: '#1f3a5f',
    secondaryColor: '#e8eef5',
    textColor: '#111827',
    emailSenderName: 'Northwind Partner Desk',
    emailSenderAddress: 'partners@northwind.example',
    isDefault: true,
  },
  {
    key: 'summit',
    name: 'Summit Wireless',
    primaryColor: '#0f766e',
    secondaryColor: '#ccfbf1',
    textColor: '#042f2e',
    emailSenderName: 'Summit Wireless Commissions',
    emailSenderAddress: 'commissions@summit.example',
    isDefault: false,
  },
  {
    key: 'coastal',
    name: 'Coastal Connect',
    primaryColor: '#b45309',
    secondaryColor: '#fef3c7',
    textColor: '#451a03',
    emailSenderName: 'Coastal Connect Payouts',
    emailSenderAddress: 'payouts@coastal.example',
    isDefault: false,
  },
] as const

export const PARTICIPANTS: SeedParticipant[] = [
  {
    code: 'NW',
    name: 'Northwind Communications',
    kind: 'operating_company',
    brand: 'northwind',
    joinedOn: '2015-01-01',
    email: 'finance@northwind.example',
  },
  {
    code: 'SUM',
    name: 'Summit Wireless Partners',
    kind: 'partner',
    parent: 'NW',
    territory: 'US-W',
    brand: 'summit',
    joinedOn: '2019-03-01',
    minimumPayout: '50.00',
  },
  {
    code: 'SUM-PAC',
    name: 'Pacific Territory LLC',
    kind: 'territory_owner',
    parent: 'SUM',
    territory: 'US-W',
    joinedOn: '2019-06-15',
    minimumPayout: '50.00',
  },
  {
    code: 'SUM-PAC-AM1',
    name: 'Dana Ruiz',
    kind: 'agent_manager',
    parent: 'SUM-PAC',
    territory: 'US-W',
    joinedOn: '2020-02-01',
    email: 'dana.ruiz@summit.example',
  },
  {
    code: 'SUM-PAC-AG1',
    name: 'Leo Park',
    kind: 'agent',
    parent: 'SUM-PAC-AM1',
    territory: 'US-W',
    joinedOn: '2021-04-12',
    email: 'leo.park@summit.example',
  },
  {
    code: 'SUM-PAC-AG2',
    name: 'Mia Chen',
    kind: 'agent',
    parent: 'SUM-PAC-AM1',
    territory: 'US-W',
    joinedOn: '2022-09-01',
    email: 'mia.chen@summit.example',
  },
  { code: 'SUM-PAC-RF1', name: 'Sam Ortiz', kind: 'referrer', parent: 'SUM-PAC-AG1', territory: 'US-W', joinedOn: '2023-01-20' },
  {
    code: 'DLR-0101',
    name: 'Bay Mobile Store',
    kind: 'dealer',
    parent: 'SUM-PAC',
    territory: 'US-W',
    joinedOn: '2020-05-05',
    minimumPayout: '25.00',
  },
  {
    code: 'DLR-0102',
    name: 'Valley Cellular',
    kind: 'dealer',
    parent: 'SUM-PAC',
    territory: 'US-W',
    joinedOn: '2021-07-19',
    minimumPayout: '25.00',
  },
  {
    code: 'COA',
    name: 'Coastal Connect Partners',
    kind: 'partner',
    parent: 'NW',
    territory: 'US-NE',
    brand: 'coastal',
    joinedOn: '2020-08-01',
    minimumPayout: '50.00',
  },
  { code: 'COA-ATL', name: 'Atlantic Territory Group', kind: 'territory_owner', parent: 'COA', territory: 'US-NE', joinedOn: '2020-10-01' },
  { code: 'COA-ATL-AM1', name: 'Priya Nair', kind: 'agent_manager', parent: 'COA-ATL', territory: 'US-NE', joinedOn: '2021-01-11' },
  { code: 'COA-ATL-AG1', name: 'Tom Becker', kind: 'agent', parent: 'COA-ATL-AM1', territory: 'US-NE', joinedOn: '2022-03-03' },
  {
    code: 'DLR-0201',
    name: 'Harbor Wireless',
    kind: 'dealer',
    parent: 'COA-ATL',
    territory: 'US-NE',
    joinedOn: '2021-11-30',
    minimumPayout: '25.00',
  },
  {
    code: 'GLD',
    name: 'Great Lakes Distribution',
    kind: 'distributor',
    parent: 'NW',
    territory: 'US-MW',
    joinedOn: '2018-02-01',
    minimumPayout: '100.00',
  },
  { code: 'DLR-0301', name: 'Lakeshore Phones', kind: 'dealer', parent: 'GLD', territory: 'US-MW', joinedOn: '2018-06-01' },
  { code: 'DLR-0302', name: 'Prairie Mobile', kind: 'dealer', parent: 'GLD', territory: 'US-MW', joinedOn: '2019-09-09' },
  {
    code: 'DLR-0303',
    name: 'Twin Cities Wireless',
    kind: 'dealer',
    parent: 'GLD',
    territory: 'US-MW',
    joinedOn: '2020-01-15',
    status: 'suspended',
  },
  { code: 'CNS-001', name: 'Rosa Alvarez', kind: 'consultant', parent: 'GLD', territory: 'US-MW', joinedOn: '2024-05-01' },
  // Distributors of the promotions and rebates demo (seed/rebates): they report sell-through and claim rebates.
  {
    code: 'DIST-EAST',
    name: 'Eastline Distribution',
    kind: 'distributor',
    parent: 'NW',
    territory: 'US-NE',
    joinedOn: '2021-04-01',
    email: 'rebates@eastline.example',
  },
  {
    code: 'DIST-WEST',
    name: 'Westgate Networks Supply',
    kind: 'distributor',
    parent: 'NW',
    territory: 'US-W',
    joinedOn: '2022-09-01',
    email: 'rebates@westgate.example',
  },
  // The Glow consultants: a direct-selling network paid by the network plan demo (seed/multilevel).
  { code: 'GLW-01', name: 'Valentina Ortiz', kind: 'consultant', parent: 'NW', joinedOn: '2026-03-01', email: 'glw-01@glow.example' },
  { code: 'GLW-02', name: 'Marco Silva', kind: 'consultant', parent: 'GLW-01', joinedOn: '2026-03-01', email: 'glw-02@glow.example' },
  { code: 'GLW-03', name: 'Lucía Romero', kind: 'consultant', parent: 'GLW-01', joinedOn: '2026-03-01', email: 'glw-03@glow.example' },
  { code: 'GLW-04', name: 'Daniel Costa', kind: 'consultant', parent: 'GLW-02', joinedOn: '2026-03-01', email: 'glw-04@glow.example' },
  { code: 'GLW-05', name: 'Emma Rossi', kind: 'consultant', parent: 'GLW-02', joinedOn: '2026-03-01', email: 'glw-05@glow.example' },
  { code: 'GLW-06', name: 'Felipe Andrade', kind: 'consultant', parent: 'GLW-03', joinedOn: '2026-03-01', email: 'glw-06@glow.example' },
  { code: 'GLW-07', name: 'Gabriela Núñez', kind: 'consultant', parent: 'GLW-04', joinedOn: '2026-03-01', email: 'glw-07@glow.example' },
  { code: 'GLW-08', name: 'Hugo Lima', kind: 'consultant', parent: 'GLW-04', joinedOn: '2026-03-01', email: 'glw-08@glow.example' },
  { code: 'GLW-09', name: 'Isabel Duarte', kind: 'consultant', parent: 'GLW-05', joinedOn: '2026-03-01', email: 'glw-09@glow.example' },
  { code: 'GLW-10', name: 'Jorge Pineda', kind: 'consultant', parent: 'GLW-06', joinedOn: '2026-03-01', email: 'glw-10@glow.example' },
]

export const DEMO_PASSWORD = 'demo1234!'

export const USERS: { email: string; name: string; participant: string; roles: Role[] }[] = [
  { email: 'admin@northwind.example', name: 'Avery Admin', participant: 'NW', roles: ['company_admin'] },
  { email: 'ops@northwind.example', name: 'Oscar Operations', participant: 'NW', roles: ['company_user'] },
  { email: 'finance@northwind.example', name: 'Fiona Finance', participant: 'NW', roles: ['finance'] },
  { email: 'auditor@northwind.example', name: 'Aditya Auditor', participant: 'NW', roles: ['auditor'] },
  { email: 'admin@summit.example', name: 'Sofia Summit', participant: 'SUM', roles: ['partner_admin'] },
  { email: 'user@summit.example', name: 'Umar Summit', participant: 'SUM', roles: ['partner_user'] },
  { email: 'admin@pacific.example', name: 'Tara Pacific', participant: 'SUM-PAC', roles: ['territory_owner_admin'] },
  { email: 'user@pacific.example', name: 'Theo Pacific', participant: 'SUM-PAC', roles: ['territory_owner_user'] },
  { email: 'consultant@glow.example', name: 'Marco Silva', participant: 'GLW-02', roles: ['agent'] },
  { email: 'dana.ruiz@summit.example', name: 'Dana Ruiz', participant: 'SUM-PAC-AM1', roles: ['agent_manager'] },
  { email: 'leo.park@summit.example', name: 'Leo Park', participant: 'SUM-PAC-AG1', roles: ['agent'] },
  { email: 'sam.ortiz@summit.example', name: 'Sam Ortiz', participant: 'SUM-PAC-RF1', roles: ['referrer'] },
  { email: 'rebates@eastline.example', name: 'Erin Eastline', participant: 'DIST-EAST', roles: ['partner_admin'] },
  { email: 'rebates@westgate.example', name: 'Wes Westgate', participant: 'DIST-WEST', roles: ['partner_admin'] },
  { email: 'admin@coastal.example', name: 'Carla Coastal', participant: 'COA', roles: ['partner_admin'] },
  { email: 'user@coastal.example', name: 'Cody Coastal', participant: 'COA', roles: ['partner_user'] },
]

export const SCHEDULES = [{ name: 'Nightly network check', task: 'verifyNetwork', cron: '0 2 * * *', timezone: 'UTC', enabled: true }]
