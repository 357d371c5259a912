import { Alert, Button, Container, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { signIn } from '../../auth/session';

/**
 * A sign-in that did not finish: the web server exchanged (or could not exchange) the identity
 * service's code and sent the person here with the reason; the app says it in their language.
 */
export default function SignInCallback() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const reason = params.get('failed') ?? 'refused';
  return (
    <Container size={480} py="xl">
      <main>
        <Stack>
          <Alert color="red" title={t('auth.failedTitle')} role="alert">
            {t(`auth.failedReason.${reason}`, { defaultValue: t('auth.failed') })}
          </Alert>
          <Button onClick={() => signIn('/')}>{t('auth.tryAgain')}</Button>
        </Stack>
      </main>
    </Container>
  );
}
