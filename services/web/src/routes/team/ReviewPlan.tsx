import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PlanStatusBadge } from '../../components/PlanStatusBadge';
import { ApprovePlanDocument, ReviewPlanDocument } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { notify } from '../../lib/notify';

/** Approve a subordinate's SKP beside my own RHK: which of mine each of theirs serves (WEB.md). */
export default function ReviewPlan() {
  const { planId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(ReviewPlanDocument, { variables: { id: planId, year } });
  const [approve, approving] = useMutation(ApprovePlanDocument);
  const [lastError, setLastError] = useState<unknown>(null);
  if (loading && !data) return <PageLoader />;
  const plan = data?.performancePlan;
  if (!plan) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const mine = data?.me?.performancePlan?.goals ?? [];
  const servedBy = (goalId: string) => plan.goals.filter((g) => g.parentGoal?.id === goalId);
  const unlinked = plan.goals.filter((g) => !g.parentGoal || !mine.some((m) => m.id === g.parentGoal?.id));

  const doApprove = async () => {
    setLastError(null);
    try {
      await approve({ variables: { id: plan.id, expectedVersion: plan.version } });
      notify(t('review.approved', { name: plan.employee.name }));
    } catch (e) {
      setLastError(e);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('review.title', { name: plan.employee.name, year: plan.year })}
          </Title>
          <Text size="sm" c="dimmed">
            {plan.employee.positionTitle}
          </Text>
        </div>
        <PlanStatusBadge status={plan.status} />
      </Group>
      <ErrorAlert error={lastError} onReload={() => { setLastError(null); void refetch(); }} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="review-theirs">
          <Title order={2} size="h4" id="review-theirs" mb="sm">
            {t('review.theirGoals', { count: plan.goals.length })}
          </Title>
          <Stack gap="sm">
            {plan.goals.map((g) => {
              const parent = mine.find((m) => m.id === g.parentGoal?.id);
              return (
                <Card key={g.id} padding="sm" bg="gray.0">
                  <Text fw={600} size="sm">
                    {g.title}
                  </Text>
                  <Text size="sm">{t('plan.indicatorLine', { indicator: g.indicator, target: formatNumber(g.target, i18n.language), unit: g.unitOfMeasure })}</Text>
                  <Text size="xs" c={parent ? 'dimmed' : '#7c2d12'}>
                    {parent ? t('review.serves', { title: parent.title }) : t('review.notLinked')}
                  </Text>
                </Card>
              );
            })}
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="review-mine">
          <Title order={2} size="h4" id="review-mine" mb="sm">
            {t('review.myGoals')}
          </Title>
          {mine.length === 0 && <Text size="sm" c="dimmed">{t('review.noOwnPlan')}</Text>}
          <Stack gap="sm">
            {mine.map((m) => {
              const served = servedBy(m.id);
              return (
                <Card key={m.id} padding="sm" bg="gray.0">
                  <Text fw={600} size="sm">
                    {m.title}
                  </Text>
                  <Badge variant="light" color={served.length ? 'teal' : 'gray'} autoContrast>
                    {t('review.servedCount', { count: served.length })}
                  </Badge>
                </Card>
              );
            })}
          </Stack>
        </Card>
      </SimpleGrid>
      {unlinked.length > 0 && plan.status === 'SUBMITTED' && <Alert color="yellow">{t('review.unlinkedWarning', { count: unlinked.length })}</Alert>}
      <Group>
        {plan.status === 'SUBMITTED' && (
          <Button size="md" onClick={() => void doApprove()} loading={approving.loading}>
            {t('review.approve')}
          </Button>
        )}
        <Button component={Link} to="/tim" variant="subtle">
          {t('review.back')}
        </Button>
      </Group>
    </Stack>
  );
}
