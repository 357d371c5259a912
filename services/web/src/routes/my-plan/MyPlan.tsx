import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PlanStatusBadge } from '../../components/PlanStatusBadge';
import { AddGoalDocument, CreateMyPlanDocument, MyPlanDocument, RemoveGoalDocument, SubmitPlanDocument, UpdateGoalDocument } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { GoalForm } from './GoalForm';
import { notify } from '../../lib/notify';

/**
 * My SKP (WEB.md): draft RHK, each serving one of the supervisor's RHK chosen from their plan;
 * drafting works before the supervisor's plan exists (link later); submit.
 */
export default function MyPlan() {
  const { t, i18n } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(MyPlanDocument, { variables: { year } });
  const refetchQueries = [{ query: MyPlanDocument, variables: { year } }];
  const [createPlan, creating] = useMutation(CreateMyPlanDocument, { refetchQueries, awaitRefetchQueries: true });
  const [addGoal, adding] = useMutation(AddGoalDocument, { refetchQueries, awaitRefetchQueries: true });
  const [updateGoal, updating] = useMutation(UpdateGoalDocument, { refetchQueries });
  const [removeGoal, removing] = useMutation(RemoveGoalDocument, { refetchQueries, awaitRefetchQueries: true });
  const [submitPlan, submitting] = useMutation(SubmitPlanDocument, { refetchQueries, awaitRefetchQueries: true });
  const [lastError, setLastError] = useState<unknown>(null);

  if (loading && !data) return <PageLoader />;
  const me = data?.me;
  if (!me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const plan = me.performancePlan;
  const supervisorPlan = me.supervisor?.performancePlan ?? null;
  const parents = supervisorPlan ? supervisorPlan.goals : null;
  const editable = plan?.status === 'DRAFT';

  const run = async (fn: () => Promise<unknown>, done?: string) => {
    setLastError(null);
    try {
      await fn();
      if (done) notify(done);
      return true;
    } catch (e) {
      setLastError(e);
      return false;
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {t('plan.title', { year })}
          </Title>
          <Text size="sm" c="dimmed">
            {me.supervisor ? t('plan.supervisor', { name: me.supervisor.name }) : t('home.noSupervisor')}
          </Text>
        </div>
        <PlanStatusBadge status={plan?.status} />
      </Group>
      <ErrorAlert error={lastError} onReload={() => { setLastError(null); void refetch(); }} />
      {!plan ? (
        <Card withBorder>
          <Stack>
            <Text>{t('plan.none', { year })}</Text>
            <Button onClick={() => void run(() => createPlan({ variables: { employeeId: me.id, year } }), t('plan.created'))} loading={creating.loading}>
              {t('plan.create', { year })}
            </Button>
          </Stack>
        </Card>
      ) : (
        <>
          {plan.status === 'SUBMITTED' && <Alert color="blue">{t('plan.submittedNote', { date: formatDate(plan.submittedAt, i18n.language) })}</Alert>}
          {plan.status === 'APPROVED' && (
            <Alert color="teal">{t('plan.approvedNote', { date: formatDate(plan.approvedAt, i18n.language), name: plan.approvedBy?.name ?? '' })}</Alert>
          )}
          {!supervisorPlan && me.supervisor && editable && <Alert color="gray">{t('plan.supervisorPlanMissing')}</Alert>}
          <Title order={2} size="h3">
            {t('plan.goals', { count: plan.goals.length })}
          </Title>
          {plan.goals.length === 0 && <Text c="dimmed">{t('plan.noGoals')}</Text>}
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {plan.goals.map((g) => (
              <Card withBorder key={g.id} component="li">
                <Stack gap={6}>
                  <Text fw={600}>{g.title}</Text>
                  <Text size="sm">
                    {t('plan.indicatorLine', { indicator: g.indicator, target: formatNumber(g.target, i18n.language), unit: g.unitOfMeasure })}
                  </Text>
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      {t('plan.serves')}
                    </Text>
                    {g.parentGoal ? <Badge variant="outline" color="gray" autoContrast style={{ textTransform: 'none', maxWidth: '100%' }}>{g.parentGoal.title}</Badge> : <Text size="sm">{t('plan.notLinked')}</Text>}
                  </Group>
                  {editable && (
                    <Group align="flex-end" gap="xs">
                      {parents && (
                        <Select
                          aria-label={t('plan.linkTo', { title: g.title })}
                          placeholder={t('goal.parentNone')}
                          size="xs"
                          style={{ flex: 1, minWidth: 180 }}
                          data={parents.map((p) => ({ value: p.id, label: p.title }))}
                          value={g.parentGoal?.id ?? null}
                          disabled={updating.loading}
                          onChange={(v) =>
                            void run(() =>
                              updateGoal({
                                variables: {
                                  id: g.id,
                                  input: { title: g.title, indicator: g.indicator, unitOfMeasure: g.unitOfMeasure, target: g.target, direction: g.direction, parentGoalId: v },
                                },
                              }),
                            )
                          }
                        />
                      )}
                      <Button size="xs" color="red" variant="subtle" loading={removing.loading} onClick={() => void run(() => removeGoal({ variables: { id: g.id } }), t('plan.removed'))}>
                        {t('plan.remove')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
          {editable && (
            <Card withBorder>
              <Title order={2} size="h4" mb="sm">
                {t('plan.newGoal')}
              </Title>
              <GoalForm
                draftKey={`goal-new-${plan.id}`}
                parents={parents}
                saving={adding.loading}
                onSave={(input) => run(() => addGoal({ variables: { planId: plan.id, input } }), t('plan.goalAdded'))}
              />
            </Card>
          )}
          {editable && (
            <Button size="md" disabled={plan.goals.length === 0} loading={submitting.loading} onClick={() => void run(() => submitPlan({ variables: { id: plan.id, expectedVersion: plan.version } }), t('plan.submitted'))}>
              {t('plan.submit')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
