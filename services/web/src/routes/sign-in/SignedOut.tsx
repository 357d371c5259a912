import { Button, Card, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthContext';
import { signIn } from '../../auth/session';
import { LanguageToggle } from '../../components/LanguageToggle';

/** Where the identity service sends the person after RP-initiated logout. */
export default function SignedOut() {
  const { t } = useTranslation();
  const { config } = useAuth();
  return (
    <Container size={480} py="xl">
      <main>
        <Card withBorder padding="lg">
          <Stack>
            <Title order={1} size="h2">{t('auth.signedOutTitle')}</Title>
            <Text>{t('auth.signedOut')}</Text>
            <Button onClick={() => void signIn(config, '/')}>{t('auth.signInAgain')}</Button>
            <LanguageToggle />
          </Stack>
        </Card>
      </main>
    </Container>
  );
}
