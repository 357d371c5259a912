import { Center, Loader } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useAuth } from './AuthContext';
import { signIn } from './session';

/** Screens behind sign-in: without a session, off to the identity service and back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  useEffect(() => {
    if (!user) signIn(location.pathname + location.search);
  }, [user, location.pathname, location.search]);
  if (!user) {
    return (
      <Center mih="60vh" aria-live="polite">
        <Loader aria-label={t('auth.redirecting')} />
      </Center>
    );
  }
  return <>{children}</>;
}
