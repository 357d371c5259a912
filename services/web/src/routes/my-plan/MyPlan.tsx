import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PlanStatusBadge } from '../../components/PlanStatusBadge';
import {
  AddGoalDocument, AddIndicatorDocument, CreateMyPlanDocument, MyPlanDocument, RemoveGoalDocument, RemoveIndicatorDocument,
  SetPlanAttachmentsDocument, SubmitPlanDocument, UpdateGoalDocument, UpdateIndicatorDocument, type MyPlanQuery,
} from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { notify } from '../../lib/notify';
import { GoalForm, type GoalDraft } from './GoalForm';
import { IndicatorForm } from './IndicatorForm';
import { indicatorInput } from './indicatorDraft';
import { PlanAttachments } from './PlanAttachments';
import { SupervisorCorrection } from './SupervisorCorrection';

type Plan = NonNullable<NonNullable<MyPlanQuery['me']>['performancePlan']>;
type Goal = Plan['goals'][number];
type Indicator = Goal['indicators'][number];

/** The graph's GoalInput for a new RHK: its first indicator, as the graph names it. */
function goalInput(d: GoalDraft) {
  const first = indicatorInput(d);
  return {
    title: d.title.trim(), kind: d.kind, parentGoalId: d.parentGoalId || null, aspect: d.aspect,
    // A qualitative first indicator is created measured, then replaced by its qualitative form.
    indicator: first.description,
    unitOfMeasure: 'unitOfMeasure' in first ? first.unitOfMeasure : '-',
    target: 'target' in first ? first.target : 1,
    direction: 'direction' in first ? first.direction : ('HIGHER_IS_BETTER' as const),
    ...('quarterlyTargets' in first ? { quarterlyTargets: first.quarterlyTargets } : {}),
  };
}

/** The GoalInput that keeps a goal's first indicator as it is and changes only the parent link. */
function relinkInput(g: Goal, parentGoalId: string | null) {
  const first = g.indicators[0];
  return {
    title: g.title, kind: g.kind, parentGoalId, aspect: first?.aspect, indicator: first?.description ?? g.title,
    unitOfMeasure: first?.unitOfMeasure || '-', target: first?.target ?? 1, direction: first?.direction ?? ('HIGHER_IS_BETTER' as const),
  };
}

function IndicatorLine({ i }: { i: Indicator }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
      <Badge variant="light" color="gray" autoContrast style={{ flexShrink: 0 }}>
        {t(`indicator.aspects.${i.aspect}`)}
      </Badge>
      <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {i.qualitative
          ? t('indicator.qualitativeLine', { description: i.description })
          : t('plan.indicatorLine', { indicator: i.description, target: formatNumber(i.target, i18n.language), unit: i.unitOfMeasure ?? '' })}
        {!i.qualitative && i.direction === 'LOWER_IS_BETTER' ? ` (${t('goal.lower').toLowerCase()})` : ''}
        {i.quarterlyTargets?.some((q) => q !== null)
          ? ` · ${t('indicator.quarterlyLine', { values: i.quarterlyTargets.map((q) => formatNumber(q, i18n.language)).join(' / ') })}`
          : ''}
      </Text>
    </Group>
  );
}

/**
 * My SKP (WEB.md): RHK utama/tambahan, each serving one of the supervisor's RHK chosen from their
 * plan, with indicators by aspect; drafting works before the supervisor's plan exists (link later);
 * the supervisor's behaviour expectations; lampiran; submit; a returned plan shows the note and is
 * edited and submitted again; "my supervisor is wrong" goes to BKPSDM.
 */
export default function MyPlan() {
  const { t, i18n } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(MyPlanDocument, { variables: { year } });
  const refetchQueries = [{ query: MyPlanDocument, variables: { year } }];
  const [createPlan, creating] = useMutation(CreateMyPlanDocument, { refetchQueries, awaitRefetchQueries: true });
  const [addGoal, adding] = useMutation(AddGoalDocument);
  const [updateIndicator] = useMutation(UpdateIndicatorDocument);
  const [updateGoal, updating] = useMutation(UpdateGoalDocument, { refetchQueries });
  const [removeGoal, removing] = useMutation(RemoveGoalDocument, { refetchQueries, awaitRefetchQueries: true });
  const [addIndicator, addingIndicator] = useMutation(AddIndicatorDocument, { refetchQueries, awaitRefetchQueries: true });
  const [removeIndicator, removingIndicator] = useMutation(RemoveIndicatorDocument, { refetchQueries, awaitRefetchQueries: true });
  const [setAttachments, settingAttachments] = useMutation(SetPlanAttachmentsDocument, { refetchQueries, awaitRefetchQueries: true });
  const [submitPlan, submitting] = useMutation(SubmitPlanDocument, { refetchQueries, awaitRefetchQueries: true });
  const [lastError, setLastError] = useState<unknown>(null);
  const [addingTo, setAddingTo] = useState<string | null>(null);

  if (loading && !data) return <PageLoader />;
  const me = data?.me;
  if (!me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const plan = me.performancePlan;
  const supervisorPlan = me.supervisor?.performancePlan ?? null;
  const parents = supervisorPlan ? supervisorPlan.goals : null;
  const editable = plan?.status === 'DRAFT' || plan?.status === 'RETURNED';
  const hasUtama = plan?.goals.some((g) => g.kind === 'UTAMA') ?? false;

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

  const saveGoal = (planId: string) => async (d: GoalDraft) =>
    run(async () => {
      const created = await addGoal({ variables: { planId, input: goalInput(d) } });
      const firstId = created.data?.addGoal.indicators[0]?.id;
      if (d.qualitative && firstId) await updateIndicator({ variables: { id: firstId, input: indicatorInput(d) } });
      await refetch();
    }, t('plan.goalAdded'));

  const expectations = plan?.behaviorExpectations ?? [];
  const anyExpectation = expectations.some((e) => e.expectation.trim());

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
      <SupervisorCorrection requests={data.mySupervisorCorrectionRequests} onSent={() => void refetch()} />
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
          {plan.status === 'RETURNED' && (
            <Alert color="orange" title={t('skp.returnedTitle')} role="status">
              <Text size="sm">{t('skp.returnedNote', { date: formatDate(plan.returnedAt, i18n.language), name: plan.returnedBy?.name ?? '' })}</Text>
              <Text size="sm" fw={600} mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {plan.returnNote}
              </Text>
              <Text size="sm" mt={4}>{t('skp.returnedNext')}</Text>
            </Alert>
          )}
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
              <Card withBorder key={g.id} component="li" aria-label={g.title}>
                <Stack gap={6}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color={g.kind === 'UTAMA' ? 'teal' : 'grape'} variant="light" autoContrast style={{ flexShrink: 0 }}>
                      {t(`skp.kinds.${g.kind}`)}
                    </Badge>
                    <Text fw={600}>{g.title}</Text>
                  </Group>
                  <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('indicator.list', { title: g.title })}>
                    {g.indicators.map((i) => (
                      <Group key={i.id} component="li" justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                        <IndicatorLine i={i} />
                        {editable && g.indicators.length > 1 && i.realizations.length === 0 && (
                          <Button size="compact-xs" color="red" variant="subtle" loading={removingIndicator.loading} style={{ flexShrink: 0 }}
                            aria-label={t('indicator.removeNamed', { description: i.description })}
                            onClick={() => void run(() => removeIndicator({ variables: { id: i.id } }), t('indicator.removed'))}>
                            {t('plan.remove')}
                          </Button>
                        )}
                      </Group>
                    ))}
                  </Stack>
                  <Text size="sm">
                    <Text span c="dimmed">{t('plan.serves')}</Text>{' '}
                    <Text span fw={600}>{g.parentGoal ? g.parentGoal.title : t('plan.notLinked')}</Text>
                  </Text>
                  {editable && (
                    <Stack gap="xs">
                      {parents && (
                        <Select
                          aria-label={t('plan.linkTo', { title: g.title })}
                          placeholder={t('goal.parentNone')}
                          size="xs"
                          data={parents.map((p) => ({ value: p.id, label: p.title }))}
                          value={g.parentGoal?.id ?? null}
                          disabled={updating.loading}
                          onChange={(v) => void run(() => updateGoal({ variables: { id: g.id, input: relinkInput(g, v) } }))}
                        />
                      )}
                      {addingTo === g.id ? (
                        <Card withBorder bg="gray.0">
                          <Title order={3} size="h5" mb="xs">{t('indicator.new')}</Title>
                          <IndicatorForm
                            goalId={g.id}
                            saving={addingIndicator.loading}
                            onCancel={() => setAddingTo(null)}
                            onSave={async (d) => {
                              const ok = await run(() => addIndicator({ variables: { goalId: g.id, input: indicatorInput(d) } }), t('indicator.added'));
                              if (ok) setAddingTo(null);
                              return ok;
                            }}
                          />
                        </Card>
                      ) : (
                        <Group gap="xs">
                          <Button size="xs" variant="light" onClick={() => setAddingTo(g.id)}>
                            {t('indicator.add')}
                          </Button>
                          <Button size="xs" color="red" variant="subtle" loading={removing.loading} onClick={() => void run(() => removeGoal({ variables: { id: g.id } }), t('plan.removed'))}>
                            {t('skp.removeGoal')}
                          </Button>
                        </Group>
                      )}
                    </Stack>
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
          {editable && (
            <Card withBorder component="section" aria-labelledby="new-goal-title">
              <Title order={2} size="h4" mb="sm" id="new-goal-title">
                {t('plan.newGoal')}
              </Title>
              <GoalForm draftKey={`goal-new-${plan.id}`} parents={parents} saving={adding.loading} onSave={saveGoal(plan.id)} />
            </Card>
          )}
          <Card withBorder component="section" aria-labelledby="expectations-title">
            <Title order={2} size="h4" mb="xs" id="expectations-title">
              {t('skp.expectations')}
            </Title>
            {!anyExpectation && <Text size="sm" c="dimmed" mb="xs">{t('skp.noExpectations')}</Text>}
            <Table fz="sm" withRowBorders={false} striped>
              <Table.Tbody>
                {expectations.map((e) => (
                  <Table.Tr key={e.coreValue}>
                    <Table.Th scope="row" w="40%">{t(`coreValue.${e.coreValue}`)}</Table.Th>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.expectation.trim() || '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder component="section" aria-labelledby="attachments-title">
            <Title order={2} size="h4" mb="xs" id="attachments-title">
              {t('attachments.title')}
            </Title>
            <PlanAttachments
              key={JSON.stringify(plan.attachments)}
              planId={plan.id}
              saved={plan.attachments ?? null}
              editable={plan.status !== 'APPROVED'}
              saving={settingAttachments.loading}
              onSave={(a) => run(() => setAttachments({ variables: { planId: plan.id, input: a } }), t('attachments.saved'))}
            />
          </Card>
          {editable && (
            <Stack gap={4}>
              {!hasUtama && plan.goals.length > 0 && <Text size="sm" c="#9a3412">{t('skp.needsUtama')}</Text>}
              <Button size="md" disabled={!hasUtama} loading={submitting.loading} onClick={() => void run(() => submitPlan({ variables: { id: plan.id, expectedVersion: plan.version } }), t('plan.submitted'))}>
                {plan.status === 'RETURNED' ? t('skp.resubmit') : t('plan.submit')}
              </Button>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
