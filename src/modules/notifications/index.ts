export { createNotificationsService } from './service.ts';
export type { NotificationsService, Notification, NotifyInput } from './service.ts';
export { notificationsPolicy, isAddressedTo, COUNCIL_READERS } from './policy.ts';
export type { NotificationAudience, NotificationResource } from './policy.ts';
