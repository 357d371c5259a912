import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { UnitsForQrDocument } from '../../gql/graphql';
import './print.css';
import { QrImage } from './QrImage';

/** Printable QR codes of the citizen page, one per unit, for BKPSDM and unit heads (WEB.md). */
export default function UnitQrCodes() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(UnitsForQrDocument, { fetchPolicy: 'cache-first' });
  const [search, setSearch] = useState('');
  const [onlyMine, setOnlyMine] = useState(true);
  const meId = data?.me?.id;
  const units = useMemo(() => data?.organizationUnits ?? [], [data]);
  const mine = units.filter((u) => u.head?.id === meId);
  // BKPSDM (ADMIN) prints for every unit; a unit head for the units they head (WEB.md).
  const admin = data?.me?.roles.includes('ADMIN') ?? false;
  const showMine = !admin || (onlyMine && mine.length > 0);
  const needle = search.trim().toLowerCase();
  const shown = (showMine ? mine : units).filter((u) => !needle || u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle)).slice(0, 24);
  if (loading && !data) return <PageLoader />;
  if (!data) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const origin = window.location.origin;
  if (!admin && mine.length === 0) {
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
        {admin && mine.length > 0 && <Switch label={t('qr.onlyMine')} checked={onlyMine} onChange={(e) => setOnlyMine(e.currentTarget.checked)} />}
        <Button onClick={() => window.print()}>{t('qr.print')}</Button>
      </Group>
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
