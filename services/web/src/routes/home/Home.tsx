import { useApolloClient, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PlanStatusBadge } from '../../components/PlanStatusBadge';
import { LearningHours } from './LearningHours';
import { RewardReasonList } from '../../components/RewardReasonList';
import { HomeDocument } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { primePreloaded } from '../../lib/preload';
import { currentPeriods, dueThisPeriod } from '../../lib/periods';

/** "Tugas saya": what the employee must do next, and why each verdict is what it is (WEB.md). */
export default function Home() {
  const { t, i18n } = useTranslation();
  const { year } = currentPeriods();
  const client = useApolloClient();
  // The web server sent this screen's data with the page: no round trip before the first render.
  primePreloaded(client, HomeDocument, { year });
  const { data, loading, error, refetch } = useQuery(HomeDocument, { variables: { year } });
  if (loading && !data) return <PageLoader />;
  if (error && !data) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const me = data?.me;
  if (!me) return <ErrorAlert error={error} />;
  const plan = me.performancePlan;
  const due = plan?.status === 'APPROVED' ? dueThisPeriod(plan.goals) : [];
  const hours = me.learningHours;
  const current = me.latestEvaluation;
  // The latest verdict: the latest evaluation once completed, else the last completed one before it.
  const lastCompleted = [...me.evaluations].filter((e) => e.status === 'COMPLETED').sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0];
  const evaluation = current?.status === 'COMPLETED' ? current : (lastCompleted ?? current);
  const inProgress = current && current.status === 'DRAFT' ? current : null;
  const decision = evaluation?.rewardDecision;
  // Open evaluations the graph lets me give feedback on (myself, my supervisor, the staff I evaluate); colleagues and the
  // people further down my chain are on the feedback screen. Once per person, whatever the number of open cycles.
  const asked = (data?.feedbackTargets ?? []).filter((x) => x.source !== 'PEER' && (x.source !== 'SUPERVISOR' || x.evaluation.evaluator.id === me.id))
    .filter((x, i, all) => all.findIndex((y) => y.evaluation.employee.id === x.evaluation.employee.id) === i)
    .map((x) => ({ evaluationId: x.evaluation.id, source: x.source, name: x.evaluation.employee.name }));
  const waiting = me.subordinates.filter((s) => s.performancePlan?.status === 'SUBMITTED').length;

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {me.name} · {me.positionTitle} · {me.unit.name}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.plan', { year })}
            </Title>
            <PlanStatusBadge status={plan?.status} />
            <Text size="sm">{t(`home.planNext.${plan?.status ?? 'NONE'}`)}</Text>
            {!me.supervisor && <Text size="sm" c="#7c2d12">{t('home.noSupervisor')}</Text>}
            <Button component={Link} to="/skp" variant="light">
              {t('home.openPlan')}
            </Button>
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.due')}
            </Title>
            {plan?.status !== 'APPROVED' ? (
              <Text size="sm">{t('home.dueAfterApproval')}</Text>
            ) : due.length === 0 ? (
              <Text size="sm">{t('home.nothingDue')}</Text>
            ) : (
              <List size="sm">
                {due.map((g) => (
                  <List.Item key={g.id}>{g.title}</List.Item>
                ))}
              </List>
            )}
            {plan?.status === 'APPROVED' && (
              <Button component={Link} to="/realisasi" variant="light">
                {t('home.recordRealization')}
              </Button>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.learning', { year })}
            </Title>
            <LearningHours hours={hours} />
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('home.latestEvaluation')}
            </Title>
            {!evaluation ? (
              <Text size="sm">{t('home.noEvaluation')}</Text>
            ) : (
              <>
                {inProgress && inProgress.id !== evaluation.id && <Text size="sm">{t('homeFeedback.inProgress', { cycle: inProgress.cycle.name })}</Text>}
                <Text size="sm">{evaluation.cycle.name}</Text>
                {evaluation.predicate ? (
                  <Badge size="lg" variant="light" autoContrast>
                    {t(`predicate.${evaluation.predicate}`)}
                  </Badge>
                ) : (
                  <Text size="sm">{t('home.evaluationInProgress')}</Text>
                )}
                {decision && (
                  <>
                    <Text size="sm" fw={600}>
                      {t('home.reward', { percent: formatNumber(decision.allowancePercent, i18n.language) })}
                    </Text>
                    <RewardReasonList reasons={decision.reasonCodes} label={t('home.reasons')} />
                    <Text size="xs" c="dimmed">
                      {t('home.policyVersion', { version: decision.policyVersion })}
                    </Text>
                  </>
                )}
                <Anchor component={Link} to="/penilaian" size="sm">
                  {t('home.openEvaluations')}
                </Anchor>
              </>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('homeFeedback.title')}
            </Title>
            {asked.length === 0 ? (
              <Text size="sm">{t('homeFeedback.none')}</Text>
            ) : (
              <List size="sm">
                {asked.map((a) => (
                  <List.Item key={a.evaluationId}>{t(`homeFeedback.source.${a.source}`, { name: a.name })}</List.Item>
                ))}
              </List>
            )}
            <Button component={Link} to="/beri-umpan-balik" variant="light">
              {t('homeFeedback.open')}
            </Button>
          </Stack>
        </Card>
        {me.subordinates.length > 0 && (
          <Card withBorder>
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('home.team')}
              </Title>
              <Text size="sm">{t('home.teamWaiting', { count: waiting })}</Text>
              <Button component={Link} to="/tim" variant="light">
                {t('home.openTeam')}
              </Button>
            </Stack>
          </Card>
        )}
      </SimpleGrid>
    </Stack>
  );
}
