import type { Capability } from '../core/capability'
import { AuditEvents } from './AuditEvents'
import { Media } from './Media'
import { Notifications } from './Notifications'
import { ScheduleSlots } from './ScheduleSlots'
import { Schedules } from './Schedules'

/** System records: media, notifications, schedules and the audit trail. */
export const system: Capability = {
  collections: [Media, Notifications, Schedules, ScheduleSlots, AuditEvents],
}
