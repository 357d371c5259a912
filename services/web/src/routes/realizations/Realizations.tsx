import { useMutation, useQuery } from '@apollo/client/react';
import { Accordion, Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { MyRealizationsDocument, RecordRealizationDocument, type MyRealizationsQuery } from '../../gql/graphql';
import { openEvidence, uploadEvidence } from '../../lib/evidence';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { safeHttpUrl } from '../../lib/urls';
import { notify } from '../../lib/notify';
import { RealizationForm, type RealizationSave } from './RealizationForm';

const ProgressChart = lazy(() => import('./ProgressChart'));

type Goal = NonNullable<NonNullable<MyRealizationsQuery['me']>['performancePlan']>['goals'][number];
type Indicator = Goal['indicators'][number];

function RealizationItem({ r, unit, onError }: { r: Indicator['realizations'][number]; unit: string; onError: (e: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const href = safeHttpUrl(r.evidenceUrl);
  return (
    <Card withBorder padding="sm" component="li">
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {r.period}: {formatNumber(r.value, i18n.language)} {unit}
        </Text>
        {r.note && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.note}</Text>}
        {href && (
          <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
            {t('realization.openEvidence')}
          </Anchor>
        )}
        {r.evidenceFiles.map((f) => (
          <Group key={f.id} gap="xs">
            <Button size="compact-sm" variant="light" onClick={() => void openEvidence(f.url).catch(onError)} aria-label={t('evidence.openFile', { name: f.fileName })}>
              {f.fileName}
            </Button>
            <Text size="xs" c="dimmed">{f.size < 1024 ? `${f.size} B` : `${formatNumber(f.size / 1024, i18n.language, 0)} KB`}</Text>
          </Group>
        ))}
        <Text size="xs" c="dimmed">
          {t('realization.recordedBy', { name: r.recordedBy.name, date: formatDate(r.recordedAt, i18n.language) })}
        </Text>
        {r.feedback ? (
          <Alert color="teal" variant="light" p="xs" title={t('evidence.feedbackTitle', { name: r.feedbackBy?.name ?? '', date: formatDate(r.feedbackAt, i18n.language) })}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.feedback}</Text>
          </Alert>
        ) : (
          <Text size="xs" c="dimmed">{t('evidence.noFeedback')}</Text>
        )}
      </Stack>
    </Card>
  );
}

/** Realizations per month or quarter, per indicator, with evidence and the supervisor's feedback; progress against target (WEB.md). */
export default function Realizations() {
  const { t, i18n } = useTranslation();
  const { year, month } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(MyRealizationsDocument, { variables: { year } });
  const [record] = useMutation(RecordRealizationDocument);
  const [saving, setSaving] = useState<string | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const plan = data.me.performancePlan;

  const save = (indicator: Indicator) => async (input: RealizationSave) => {
    setLastError(null);
    setSaving(indicator.id);
    try {
      const { file, ...fields } = input;
      const result = await record({ variables: { indicatorId: indicator.id, input: fields } });
      if (file) {
        const saved = result.data?.recordRealization.indicators.find((i) => i.id === indicator.id)?.realizations.find((r) => r.period === input.period);
        if (saved) {
          await uploadEvidence(saved.id, file);
          await refetch();
        }
      }
      notify(t('realization.saved'));
      return true;
    } catch (e) {
      setLastError(e);
      return false;
    } finally {
      setSaving(null);
    }
  };

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
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color={g.kind === 'UTAMA' ? 'teal' : 'grape'} variant="light" autoContrast style={{ flexShrink: 0 }}>
                      {t(`skp.kinds.${g.kind}`)}
                    </Badge>
                    <Text fw={600}>{g.title}</Text>
                  </Group>
                  <Text size="sm">{t('evidence.goalAchievement', { percent: formatPercent(g.achievement, i18n.language) })}</Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="lg">
                  {g.indicators.map((ind) => (
                    <Stack key={ind.id} gap="sm" component="section" aria-label={ind.description}>
                      <Title order={2} size="h5">
                        {ind.description}
                      </Title>
                      {ind.qualitative ? (
                        <Text size="sm" c="dimmed">{t('evidence.qualitative')}</Text>
                      ) : (
                        <>
                          <Group gap="xs">
                            <Text size="sm">
                              {ind.realized === null
                                ? t('evidence.noneYet', { target: formatNumber(ind.target, i18n.language), unit: ind.unitOfMeasure ?? '' })
                                : t('realization.progress', { realized: formatNumber(ind.realized, i18n.language), target: formatNumber(ind.target, i18n.language), unit: ind.unitOfMeasure ?? '' })}
                            </Text>
                            {ind.achievement !== null && <Text size="sm" fw={600}>{formatPercent(ind.achievement, i18n.language)}</Text>}
                          </Group>
                          <Progress value={Math.min(100, (ind.achievement ?? 0) * 100)} aria-label={t('realization.achievement', { title: ind.description })} />
                          {ind.realizations.length > 0 && (
                            <Suspense fallback={<Text size="sm" c="dimmed">{t('common.loading')}</Text>}>
                              <ProgressChart
                                label={t('realization.chart', { title: ind.description })}
                                target={ind.target ?? 0}
                                targetLabel={t('evidence.targetLine', { target: formatNumber(ind.target, i18n.language) })}
                                points={ind.realizations.map((r) => ({ period: r.period, value: r.value }))}
                              />
                            </Suspense>
                          )}
                        </>
                      )}
                      {ind.realizations.length > 0 && (
                        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                          {ind.realizations.map((r) => (
                            <RealizationItem key={r.id} r={r} unit={ind.unitOfMeasure ?? ''} onError={setLastError} />
                          ))}
                        </Stack>
                      )}
                      <Card withBorder bg="gray.0" padding="sm">
                        <Title order={3} size="h6" mb="xs">{t('evidence.newRealization')}</Title>
                        <RealizationForm
                          indicatorId={ind.id}
                          qualitative={ind.qualitative}
                          year={year}
                          defaultPeriod={month}
                          saving={saving === ind.id}
                          onSave={save(ind)}
                        />
                      </Card>
                    </Stack>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
