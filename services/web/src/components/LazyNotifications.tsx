import { lazy, Suspense } from 'react';
import { notificationsModule } from '../lib/notify';
import '@mantine/notifications/styles.css';

const Notifications = lazy(() => notificationsModule().then((m) => ({ default: m.Notifications })));

export function LazyNotifications() {
  return (
    <Suspense fallback={null}>
      <Notifications position="top-center" />
    </Suspense>
  );
}
