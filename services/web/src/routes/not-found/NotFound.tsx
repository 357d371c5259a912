import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size={480} py="xl">
      <main>
        <Stack>
          <Title order={1} size="h2">{t('notFound.title')}</Title>
          <Text>{t('notFound.text')}</Text>
          <Anchor component={Link} to="/">{t('notFound.home')}</Anchor>
        </Stack>
      </main>
    </Container>
  );
}
