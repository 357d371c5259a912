import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { QuadrantCell } from '../../components/QuadrantCell';
import { CompleteEvaluationDocument, EvaluateePlanDocument, EvaluationWorkspaceDocument, RateEvaluationDocument, type Rating } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../lib/format';
import { safeHttpUrl } from '../../lib/urls';
import { notify } from '../../lib/notify';

const RATINGS: Rating[] = ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION'];

/**
 * The evaluation workspace: the subordinate's SKP with realizations and evidence, the feedback
 * summary, the two ratings; the graph answers the predicate once both are saved; complete.
 */
export default function EvaluationWorkspace() {
  const { evaluationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const ev = useQuery(EvaluationWorkspaceDocument, { variables: { id: evaluationId } });
  const evaluation = ev.data?.evaluation;
  const plan = useQuery(EvaluateePlanDocument, {
    variables: { employeeId: evaluation?.employee.id ?? '', year: evaluation?.cycle.year ?? 0 },
    skip: !evaluation,
  });
  const [rate, rating] = useMutation(RateEvaluationDocument);
  const [complete, completing] = useMutation(CompleteEvaluationDocument);
  const [result, setResult] = useState<Rating | null>(null);
  const [behavior, setBehavior] = useState<Rating | null>(null);
  const [lastError, setLastError] = useState<unknown>(null);
  if (ev.loading && !ev.data) return <PageLoader />;
  if (!evaluation) return <ErrorAlert error={ev.error} onReload={() => void ev.refetch()} />;
  const r = result ?? evaluation.resultRating;
  const b = behavior ?? evaluation.behaviorRating;
  const open = evaluation.status === 'DRAFT';
  const p = plan.data?.employee?.performancePlan;

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setLastError(null);
    try {
      await fn();
      notify(done);
    } catch (e) {
      setLastError(e);
    }
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('workspace.title', { name: evaluation.employee.name })}
        </Title>
        <Text size="sm" c="dimmed">
          {evaluation.employee.positionTitle} · {evaluation.cycle.name}
        </Text>
      </div>
      <ErrorAlert error={lastError} onReload={() => { setLastError(null); void ev.refetch(); }} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="ws-plan">
          <Title order={2} size="h4" id="ws-plan" mb="sm">
            {t('workspace.plan')}
          </Title>
          {!p ? (
            <Text size="sm" c="dimmed">{plan.loading ? t('common.loading') : t('workspace.noPlan')}</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm">{t('workspace.planAchievement', { value: formatPercent(p.achievement, i18n.language) })}</Text>
              {p.goals.map((g) => (
                <Card key={g.id} padding="sm" bg="gray.0">
                  <Text fw={600} size="sm">{g.title}</Text>
                  <Text size="sm">
                    {t('realization.progress', { realized: formatNumber(g.realized, i18n.language), target: formatNumber(g.target, i18n.language), unit: g.unitOfMeasure })} · {formatPercent(g.achievement, i18n.language)}
                  </Text>
                  {g.realizations.map((x) => {
                    const href = safeHttpUrl(x.evidenceUrl);
                    return (
                      <Text size="xs" key={x.id}>
                        {x.period}: {formatNumber(x.value, i18n.language)}{' '}
                        {href && (
                          <Anchor href={href} target="_blank" rel="noopener noreferrer" size="xs">
                            {t('realization.openEvidence')}
                          </Anchor>
                        )}
                      </Text>
                    );
                  })}
                </Card>
              ))}
            </Stack>
          )}
        </Card>
        <Card withBorder component="section" aria-labelledby="ws-feedback">
          <Title order={2} size="h4" id="ws-feedback" mb="sm">
            {t('workspace.feedback', { count: evaluation.feedback.length })}
          </Title>
          <Stack gap={4}>
            {evaluation.behaviorSummary.map((s) => (
              <Group key={s.coreValue} justify="space-between">
                <Text size="sm">{t(`coreValue.${s.coreValue}`)}</Text>
                <Badge variant="light" color="gray" autoContrast>
                  {t('workspace.mean', { mean: formatNumber(s.mean, i18n.language), count: s.count })}
                </Badge>
              </Group>
            ))}
            {evaluation.feedback.filter((f) => f.comment).slice(0, 20).map((f) => (
              <Text size="xs" key={f.id} c="dimmed">
                “{f.comment}” – {t(`feedback.source.${f.source}`)}
              </Text>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder component="section" aria-labelledby="ws-rating">
        <Title order={2} size="h4" id="ws-rating" mb="sm">
          {t('workspace.rating')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group label={t('workspace.result')} value={r ?? ''} onChange={(v) => setResult(v as Rating)}>
            <Stack gap={6} mt={6}>
              {RATINGS.map((x) => (
                <Radio key={x} value={x} label={t(`rating.${x}`)} disabled={!open} />
              ))}
            </Stack>
          </Radio.Group>
          <Radio.Group label={t('workspace.behavior')} value={b ?? ''} onChange={(v) => setBehavior(v as Rating)}>
            <Stack gap={6} mt={6}>
              {RATINGS.map((x) => (
                <Radio key={x} value={x} label={t(`rating.${x}`)} disabled={!open} />
              ))}
            </Stack>
          </Radio.Group>
        </SimpleGrid>
        <Group mt="md" align="flex-start" gap="xl">
          <div>
            {evaluation.predicate ? (
              <Text fw={700}>{t('myEvaluations.predicate', { predicate: t(`predicate.${evaluation.predicate}`) })}</Text>
            ) : (
              <Text size="sm" c="dimmed">{t('workspace.predicateAfterSave')}</Text>
            )}
            {(result || behavior) && (result !== evaluation.resultRating || behavior !== evaluation.behaviorRating) && (
              <Text size="xs" c="#7c2d12">{t('workspace.unsaved')}</Text>
            )}
          </div>
          <QuadrantCell resultRating={evaluation.resultRating} behaviorRating={evaluation.behaviorRating} predicate={evaluation.predicate} />
        </Group>
        {open ? (
          <Group mt="md">
            <Button
              disabled={!r || !b}
              loading={rating.loading}
              onClick={() => void act(() => rate({ variables: { id: evaluation.id, expectedVersion: evaluation.version, resultRating: r as Rating, behaviorRating: b as Rating } }), t('workspace.saved'))}
            >
              {t('workspace.save')}
            </Button>
            <Button
              variant="filled"
              color="teal.9"
              disabled={!evaluation.predicate}
              loading={completing.loading}
              onClick={() => void act(() => complete({ variables: { id: evaluation.id, expectedVersion: evaluation.version } }), t('workspace.completed'))}
            >
              {t('workspace.complete')}
            </Button>
          </Group>
        ) : (
          <Alert color="teal" mt="md">{t('workspace.isCompleted')}</Alert>
        )}
      </Card>
    </Stack>
  );
}
