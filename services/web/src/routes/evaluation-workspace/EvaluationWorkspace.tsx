import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { QuadrantCell } from '../../components/QuadrantCell';
import { CompleteEvaluationDocument, EvaluationWorkspaceDocument, RateEvaluationDocument, UnitCurveDocument, type Rating } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useDraft } from '../../lib/useDraft';
import { curveUnits, curveWarningsOf, unitChain, type CurveWarningExtension } from './curve';
import { GoalCard, RATINGS } from './GoalCard';
import { SuggestionReason } from './SuggestionReason';
import { useRuleText } from './ruleText';

// The curve is its own chunk: the workspace paints its SKP first (WEB.md first-load budget).
const CurvePanel = lazy(() => import('./CurvePanel'));

/**
 * The evaluation workspace (WEB.md): the subordinate's SKP with realizations and evidence, per-RHK
 * ratings, the graph's suggested result rating, the feedback summary, the two ratings and the
 * predicate the graph answers, the team's distribution against the curve, and complete.
 */
export default function EvaluationWorkspace() {
  const { evaluationId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const ev = useQuery(EvaluationWorkspaceDocument, { variables: { id: evaluationId } });
  const evaluation = ev.data?.evaluation;
  const me = ev.data?.me;
  // While the evaluation is DRAFT its rater sees the curve as if it were completed with its current
  // predicate (`including`; WEB.md). The graph refuses that to anyone but the evaluator and ADMIN
  // (ratesEvaluation), so for anyone else the app asks for the plain counts.
  const rates = !!me && !!evaluation && (me.id === evaluation.evaluator.id || me.roles.includes('ADMIN'));
  const including = evaluation?.status === 'DRAFT' && rates ? evaluation.id : null;
  const curveVariables = { unitId: evaluation?.employee.unit.id ?? '', year: evaluation?.cycle.year ?? 0, including };
  const curve = useQuery(UnitCurveDocument, {
    variables: curveVariables,
    skip: !evaluation || evaluation.cycle.periodType !== 'ANNUAL',
    errorPolicy: 'all',
  });
  const [rate, rating] = useMutation(RateEvaluationDocument);
  const [complete, completing] = useMutation(CompleteEvaluationDocument);
  const choice = useDraft<{ result?: Rating; behavior?: Rating }>(`evaluation-rating.${evaluationId}`, {});
  const [lastError, setLastError] = useState<unknown>(null);
  const [completedWarnings, setCompletedWarnings] = useState<CurveWarningExtension[] | null>(null);
  const ruleText = useRuleText();
  if (ev.loading && !ev.data) return <PageLoader />;
  if (!evaluation) return <ErrorAlert error={ev.error} onReload={() => void ev.refetch()} />;
  const r = choice.value.result ?? evaluation.resultRating;
  const b = choice.value.behavior ?? evaluation.behaviorRating;
  const unsaved = (!!r && r !== evaluation.resultRating) || (!!b && b !== evaluation.behaviorRating);
  const open = evaluation.status === 'DRAFT';
  const goals = evaluation.performancePlans.filter((p) => p.status === 'APPROVED').flatMap((p) => p.goals);
  const ratingOf = (goalId: string) => evaluation.goalRatings.find((g) => g.goal.id === goalId);
  const ratedCount = goals.filter((g) => ratingOf(g.id)).length;
  const units = curve.data?.organizationUnit ? curveUnits(unitChain(curve.data.organizationUnit)) : [];
  const unitName = (id?: string) => units.find((u) => u.id === id)?.name ?? '';
  // The units whose curve completing this evaluation now would break, as the graph counted it in:
  // said beside "complete", since on a phone the curve is far below it.
  const breaking = including ? units.filter((u) => u.predicateDistribution.assumed && u.predicateDistribution.warnings.length > 0) : [];

  const reload = () => {
    setLastError(null);
    void ev.refetch();
  };
  const saveRatings = async () => {
    if (!r || !b) return;
    setLastError(null);
    try {
      await rate({ variables: { id: evaluation.id, expectedVersion: evaluation.version, resultRating: r, behaviorRating: b } });
      choice.clear();
      notify(t('workspace.saved'));
      // The saved ratings are the predicate the curve counts this evaluation with. (rateGoal changes
      // only the suggestion, never the predicate, so the curve has nothing to refresh after it.)
      void curve.refetch();
    } catch (e) {
      // The choice stays in its draft: nothing chosen is lost on a failed save.
      setLastError(e);
    }
  };
  const doComplete = async () => {
    setLastError(null);
    try {
      const res = await complete({ variables: { id: evaluation.id, expectedVersion: evaluation.version } });
      setCompletedWarnings(curveWarningsOf(res.extensions));
      notify(t('workspace.completed'));
      // Completed, it is counted as it is: the plain counts from now on.
      void curve.refetch({ ...curveVariables, including: null });
    } catch (e) {
      setLastError(e);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('workspace.title', { name: evaluation.employee.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {evaluation.employee.positionTitle} · {evaluation.cycle.name}
          </Text>
        </div>
        <Badge variant="light" color={open ? 'blue' : 'teal'} autoContrast>
          {t(`evaluation.status.${evaluation.status}`)}
        </Badge>
      </Group>
      {open && (
        <Anchor href="#ws-rating" hiddenFrom="md" size="sm">
          {t('workspace.jumpToRating')}
        </Anchor>
      )}
      <ErrorAlert error={lastError} onReload={reload} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder component="section" aria-labelledby="ws-plan">
              <Group justify="space-between" mb="sm" gap="xs">
                <Title order={2} size="h4" id="ws-plan">
                  {t('workspace.plan')}
                </Title>
                {goals.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('workspace.rated', { rated: ratedCount, total: goals.length })}
                  </Text>
                )}
              </Group>
              {goals.length === 0 ? (
                <Text size="sm" c="dimmed">{t('workspace.noPlan')}</Text>
              ) : (
                <Stack gap="sm">
                  {evaluation.performancePlans.filter((p) => p.status === 'APPROVED').map((p) => (
                    <Text size="sm" key={p.id}>
                      {t('workspace.planAchievement', { value: formatPercent(p.achievement, i18n.language) })}
                    </Text>
                  ))}
                  {goals.map((g) => {
                    const saved = ratingOf(g.id);
                    return (
                      <GoalCard
                        key={g.id}
                        evaluationId={evaluation.id}
                        goal={g}
                        saved={saved ? { rating: saved.rating, note: saved.note } : undefined}
                        open={open}
                        onError={setLastError}
                      />
                    );
                  })}
                </Stack>
              )}
            </Card>
            <Card withBorder component="section" aria-labelledby="ws-feedback">
              <Title order={2} size="h4" id="ws-feedback" mb="sm">
                {t('workspace.feedback', { count: evaluation.feedback.length })}
              </Title>
              {evaluation.feedback.length === 0 && <Text size="sm" c="dimmed">{t('workspace.noFeedback')}</Text>}
              <Stack gap={4}>
                {evaluation.behaviorSummary.map((s) => (
                  <Group key={s.coreValue} justify="space-between" wrap="nowrap">
                    <Text size="sm">{t(`coreValue.${s.coreValue}`)}</Text>
                    <Badge variant="light" color="gray" autoContrast style={{ flexShrink: 0 }}>
                      {t('workspace.mean', { mean: formatNumber(s.mean, i18n.language), count: s.count })}
                    </Badge>
                  </Group>
                ))}
                {evaluation.feedback.filter((f) => f.comment).slice(0, 20).map((f) => (
                  <Text size="xs" key={f.id} c="dimmed">
                    “{f.comment}” – {t(`workspace.source.${f.source}`)}
                  </Text>
                ))}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder component="section" aria-labelledby="ws-rating">
              <Title order={2} size="h4" id="ws-rating" mb="sm">
                {t('workspace.rating')}
              </Title>
              <Alert color={evaluation.suggestedResultRating ? 'blue' : 'gray'} mb="sm" p="sm">
                <Text size="sm" fw={600}>
                  {evaluation.suggestedResultRating
                    ? t('workspace.suggestion', { rating: t(`rating.${evaluation.suggestedResultRating}`) })
                    : t('workspace.noSuggestion')}
                </Text>
                <Text size="xs" mt={4}>
                  {t('workspace.rated', { rated: ratedCount, total: goals.length })}.
                </Text>
                {evaluation.suggestedResultRatingReason && (
                  <SuggestionReason reason={evaluation.suggestedResultRatingReason} titleOf={(id) => goals.find((g) => g.id === id)?.title ?? ''} />
                )}
                {open && evaluation.suggestedResultRating && r !== evaluation.suggestedResultRating && (
                  <Button size="compact-sm" variant="white" mt="xs" onClick={() => choice.update({ result: evaluation.suggestedResultRating ?? undefined })}>
                    {t('workspace.useSuggestion')}
                  </Button>
                )}
              </Alert>
              {open ? (
                <Group align="flex-start" gap="xl">
                  <Radio.Group label={t('workspace.result')} value={r ?? ''} onChange={(v) => choice.update({ result: v as Rating })}>
                    <Stack gap={6} mt={6}>
                      {RATINGS.map((x) => (
                        <Radio key={x} value={x} label={t(`rating.${x}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                  <Radio.Group label={t('workspace.behavior')} value={b ?? ''} onChange={(v) => choice.update({ behavior: v as Rating })}>
                    <Stack gap={6} mt={6}>
                      {RATINGS.map((x) => (
                        <Radio key={x} value={x} label={t(`rating.${x}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                </Group>
              ) : (
                <Stack gap={2}>
                  <Text size="sm">{t('myEvaluations.result', { rating: evaluation.resultRating ? t(`rating.${evaluation.resultRating}`) : '–' })}</Text>
                  <Text size="sm">{t('myEvaluations.behavior', { rating: evaluation.behaviorRating ? t(`rating.${evaluation.behaviorRating}`) : '–' })}</Text>
                </Stack>
              )}
              <Stack gap="xs" mt="md" component="section" aria-labelledby="ws-preview">
                <Title order={3} size="h5" id="ws-preview">
                  {open ? t('workspace.preview') : t('workspace.predicateHeading')}
                </Title>
                {evaluation.predicate ? (
                  <Text fw={700}>{t('myEvaluations.predicate', { predicate: t(`predicate.${evaluation.predicate}`) })}</Text>
                ) : (
                  <Text size="sm" c="dimmed">{t('workspace.predicateAfterSave')}</Text>
                )}
                {unsaved ? (
                  <>
                    <Text size="xs" c="#7c2d12">{t('workspace.unsaved')} {t('workspace.previewHint')}</Text>
                    <Text size="xs" fw={600}>{t('workspace.previewUnsaved')}</Text>
                    <QuadrantCell resultRating={r} behaviorRating={b} predicate={null} />
                  </>
                ) : (
                  <QuadrantCell resultRating={evaluation.resultRating} behaviorRating={evaluation.behaviorRating} predicate={evaluation.predicate} />
                )}
              </Stack>
              {open ? (
                <Stack gap="xs" mt="md">
                  <Group>
                    <Button disabled={!r || !b} loading={rating.loading} onClick={() => void saveRatings()}>
                      {t('workspace.save')}
                    </Button>
                    <Button variant="filled" color="teal.9" disabled={!evaluation.predicate || unsaved} loading={completing.loading} onClick={() => void doComplete()}>
                      {t('workspace.complete')}
                    </Button>
                  </Group>
                  {breaking.length > 0 && (
                    <Text size="xs" c="#7c2d12">
                      {t('curve.beforeComplete', { units: breaking.map((u) => u.name).join(', ') })}{' '}
                      <Anchor href="#ws-curve" size="xs" underline="always">{t('curve.seeCurve')}</Anchor>
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">{t('workspace.completeHint')}</Text>
                </Stack>
              ) : (
                <Alert color="teal" mt="md">{t('workspace.isCompleted')}</Alert>
              )}
              {completedWarnings && completedWarnings.length > 0 && (
                <Alert color="orange" mt="md" title={t('curve.completedTitle')} role="status">
                  <List size="sm" spacing={2}>
                    {completedWarnings.map((w, i) => (
                      <List.Item key={`${w.unitId ?? ''}-${w.rule}-${i}`}>
                        {unitName(w.unitId) ? t('curve.warningUnit', { unit: unitName(w.unitId), rule: ruleText(w.rule, w.message) }) : ruleText(w.rule, w.message)}
                      </List.Item>
                    ))}
                  </List>
                  <Text size="xs" mt="xs">{t('curve.completedHint')}</Text>
                </Alert>
              )}
            </Card>
            {evaluation.cycle.periodType === 'ANNUAL' && (
              <Card withBorder component="section" aria-labelledby="ws-curve">
                <Title order={2} size="h4" id="ws-curve" mb="sm">
                  {t('curve.heading')}
                </Title>
                {units.length === 0 ? (
                  <Text size="sm" c="dimmed">{curve.loading ? t('common.loading') : t('curve.unavailable')}</Text>
                ) : (
                  <Suspense fallback={<Text size="sm" c="dimmed">{t('common.loading')}</Text>}>
                    <CurvePanel units={units} thisPredicate={evaluation.predicate} completed={!open} including={!!including} />
                  </Suspense>
                )}
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Group>
        <Button component={Link} to="/tim" variant="subtle">
          {t('review.back')}
        </Button>
      </Group>
    </Stack>
  );
}
