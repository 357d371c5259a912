import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { FeedbackQrUnitsDocument } from '../../gql/graphql';
import './print.css';
import { QrImage } from './QrImage';

/** Cards on one page (and one print run); the search finds the others. */
const MAX_CARDS = 24;

/**
 * Printable QR codes of the citizen page, one per unit, for BKPSDM and unit heads (WEB.md). Which units is the graph's
 * (personnel's feedbackQrUnits: every unit for ADMIN, a head's units and those below them); an empty list means none.
 */
export default function UnitQrCodes() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(FeedbackQrUnitsDocument, { fetchPolicy: 'cache-first' });
  const [search, setSearch] = useState('');
  const units = data?.feedbackQrUnits ?? [];
  const needle = search.trim().toLowerCase();
  const matching = units.filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle));
  const shown = matching.slice(0, MAX_CARDS);
  if (loading && !data) return <PageLoader />;
  if (!data) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const origin = window.location.origin;
  if (units.length === 0) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">{t('qr.title')}</Title>
        <Alert color="gray">{t('qr.notForYou')}</Alert>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('qr.title')}
      </Title>
      <Text size="sm" className="qr-controls">{t('qr.intro')}</Text>
      <Group className="qr-controls" align="flex-end">
        <TextInput label={t('qr.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
        <Button onClick={() => window.print()}>{t('qr.print')}</Button>
      </Group>
      {matching.length > shown.length && <Text size="sm" c="dimmed" className="qr-controls">{t('qr.more', { shown: shown.length, total: matching.length })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {shown.map((u) => {
          const url = `${origin}/umpan-balik/${encodeURIComponent(u.code)}`;
          return (
            <Card withBorder key={u.id} className="qr-card" padding="md">
              <Stack align="center" gap="xs">
                <Text fw={700} ta="center">{u.name}</Text>
                <QrImage url={url} alt={t('qr.alt', { unit: u.name })} />
                <Text size="sm" ta="center">{t('qr.scan')}</Text>
                <Text size="xs" c="dimmed" ta="center" style={{ wordBreak: 'break-all' }}>{url}</Text>
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
