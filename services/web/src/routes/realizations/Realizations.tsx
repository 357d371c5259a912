import { useMutation, useQuery } from '@apollo/client/react';
import { Accordion, Alert, Anchor, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { MyRealizationsDocument, RecordRealizationDocument } from '../../gql/graphql';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { safeHttpUrl } from '../../lib/urls';
import { RealizationForm } from './RealizationForm';
import { notify } from '../../lib/notify';

const ProgressChart = lazy(() => import('./ProgressChart'));

/** Realizations per month or quarter with evidence, and progress against target (WEB.md). */
export default function Realizations() {
  const { t, i18n } = useTranslation();
  const { year, month } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(MyRealizationsDocument, { variables: { year } });
  const [record, recording] = useMutation(RecordRealizationDocument);
  const [lastError, setLastError] = useState<unknown>(null);
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const plan = data.me.performancePlan;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('realization.title', { year })}
      </Title>
      <ErrorAlert error={lastError} onReload={() => { setLastError(null); void refetch(); }} />
      {!plan || plan.status !== 'APPROVED' ? (
        <Alert color="gray">{t('realization.needsApproval')}</Alert>
      ) : (
        <Accordion variant="separated" multiple defaultValue={plan.goals[0] ? [plan.goals[0].id] : []}>
          {plan.goals.map((g) => (
            <Accordion.Item key={g.id} value={g.id}>
              <Accordion.Control>
                <Stack gap={4}>
                  <Text fw={600}>{g.title}</Text>
                  <Group gap="xs">
                    <Text size="sm">
                      {t('realization.progress', { realized: formatNumber(g.realized, i18n.language), target: formatNumber(g.target, i18n.language), unit: g.unitOfMeasure })}
                    </Text>
                    <Text size="sm" fw={600}>{formatPercent(g.achievement, i18n.language)}</Text>
                  </Group>
                  <Progress value={Math.min(100, (g.achievement ?? 0) * 100)} aria-label={t('realization.achievement', { title: g.title })} />
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {g.realizations.length > 0 && (
                    <Suspense fallback={<Text size="sm" c="dimmed">{t('common.loading')}</Text>}>
                      <ProgressChart
                        label={t('realization.chart', { title: g.title })}
                        target={g.target}
                        points={g.realizations.map((r) => ({ period: r.period, value: r.value }))}
                      />
                    </Suspense>
                  )}
                  <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {g.realizations.map((r) => {
                      const href = safeHttpUrl(r.evidenceUrl);
                      return (
                        <li key={r.id}>
                          <Text size="sm" fw={600}>
                            {r.period}: {formatNumber(r.value, i18n.language)} {g.unitOfMeasure}
                          </Text>
                          {r.note && <Text size="sm">{r.note}</Text>}
                          {href && (
                            <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                              {t('realization.openEvidence')}
                            </Anchor>
                          )}
                          <Text size="xs" c="dimmed">
                            {t('realization.recordedBy', { name: r.recordedBy.name, date: formatDate(r.recordedAt, i18n.language) })}
                          </Text>
                        </li>
                      );
                    })}
                  </Stack>
                  <RealizationForm
                    goalId={g.id}
                    year={year}
                    defaultPeriod={month}
                    saving={recording.loading}
                    onSave={async (input) => {
                      setLastError(null);
                      try {
                        await record({ variables: { goalId: g.id, input } });
                        notify(t('realization.saved'));
                        return true;
                      } catch (e) {
                        setLastError(e);
                        return false;
                      }
                    }}
                  />
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
