import type { Capability } from '../core/capability'
import { systemHome } from './home'
import { AuditEvents } from './AuditEvents'
import { Media } from './Media'
import { Notifications } from './Notifications'
import { ScheduleSlots } from './ScheduleSlots'
import { Schedules } from './Schedules'

/** System records: media, notifications, schedules and the audit trail. */
export const system: Capability = {
  home: systemHome,
  collections: [Media, Notifications, Schedules, ScheduleSlots, AuditEvents],
}
