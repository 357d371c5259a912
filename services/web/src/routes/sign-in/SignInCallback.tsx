import { Alert, Button, Center, Container, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthContext';
import { completeSignIn, signIn } from '../../auth/session';

/** Back from the identity service with a code: exchange it (PKCE) and go where the person was going. */
export default function SignInCallback() {
  const { config } = useAuth();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const once = useRef(false);
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    completeSignIn(config).then((to) => navigate(to, { replace: true }), () => setFailed(true));
  }, [config, navigate]);
  return (
    <Container size={480} py="xl">
      <main>
        {failed ? (
          <Stack>
            <Alert color="red" title={t('auth.failedTitle')}>{t('auth.failed')}</Alert>
            <Button onClick={() => void signIn(config, '/')}>{t('auth.tryAgain')}</Button>
          </Stack>
        ) : (
          <Center mih={200}>
            <Loader aria-label={t('auth.finishing')} />
          </Center>
        )}
      </main>
    </Container>
  );
}
