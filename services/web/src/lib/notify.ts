import i18next from 'i18next';

// Notifications load with the first one shown: they are not part of the first load.
let mounted: Promise<typeof import('@mantine/notifications')> | null = null;

export function notificationsModule() {
  mounted ??= import('@mantine/notifications');
  return mounted;
}

export function notify(message: string, color: 'teal' | 'red' = 'teal') {
  void notificationsModule().then((m) => m.notifications.show({ message, color, closeButtonProps: { 'aria-label': i18next.t('common.close') } }));
}
