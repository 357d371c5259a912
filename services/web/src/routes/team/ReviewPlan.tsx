import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PlanStatusBadge } from '../../components/PlanStatusBadge';
import { ApprovePlanDocument, ReturnPlanDocument, ReviewPlanDocument } from '../../gql/graphql';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { currentPeriods } from '../../lib/periods';
import { notify } from '../../lib/notify';
import { useDraft } from '../../lib/useDraft';
import { BehaviorExpectations } from './BehaviorExpectations';
import { RealizationFeedback } from './RealizationFeedback';

/**
 * A subordinate's SKP beside my own RHK (which of mine each of theirs serves), approve or return it
 * with a note, set behaviour expectations, and give feedback on realizations (WEB.md "Supervisor home").
 */
export default function ReviewPlan() {
  const { planId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(ReviewPlanDocument, { variables: { id: planId, year } });
  const [approve, approving] = useMutation(ApprovePlanDocument);
  const [returnPlan, returning] = useMutation(ReturnPlanDocument);
  const note = useDraft(`return-note.${planId}`, { text: '' });
  const [lastError, setLastError] = useState<unknown>(null);
  if (loading && !data) return <PageLoader />;
  const plan = data?.performancePlan;
  if (!plan) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const mine = data?.me?.performancePlan?.goals ?? [];
  const servedBy = (goalId: string) => plan.goals.filter((g) => g.parentGoal?.id === goalId);
  const unlinked = plan.goals.filter((g) => !g.parentGoal || !mine.some((m) => m.id === g.parentGoal?.id));
  const reload = () => {
    setLastError(null);
    void refetch();
  };

  const doApprove = async () => {
    setLastError(null);
    try {
      await approve({ variables: { id: plan.id, expectedVersion: plan.version } });
      notify(t('review.approved', { name: plan.employee.name }));
    } catch (e) {
      setLastError(e);
    }
  };
  const doReturn = async () => {
    setLastError(null);
    try {
      await returnPlan({ variables: { id: plan.id, expectedVersion: plan.version, note: note.value.text.trim() } });
      note.clear();
      notify(t('review.returned', { name: plan.employee.name }));
    } catch (e) {
      // The note stays in its draft: nothing typed is lost on a failed save.
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
      {plan.status === 'RETURNED' && plan.returnNote && (
        <Alert color="orange" title={t('review.returnedOn', { date: formatDate(plan.returnedAt, i18n.language) })}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {plan.returnNote}
          </Text>
        </Alert>
      )}
      <ErrorAlert error={lastError} onReload={reload} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder component="section" aria-labelledby="review-theirs">
          <Title order={2} size="h4" id="review-theirs" mb="sm">
            {t('review.theirGoals', { count: plan.goals.length })}
          </Title>
          {plan.goals.length === 0 && <Text size="sm" c="dimmed">{t('review.noGoals')}</Text>}
          <Stack gap="sm">
            {plan.goals.map((g) => {
              const parent = mine.find((m) => m.id === g.parentGoal?.id);
              return (
                <Card key={g.id} padding="sm" bg="gray.0">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge size="sm" variant="light" color={g.kind === 'UTAMA' ? 'teal' : 'gray'} autoContrast style={{ flexShrink: 0 }}>
                      {t(`review.kind.${g.kind}`)}
                    </Badge>
                    <Text fw={600} size="sm">
                      {g.title}
                    </Text>
                  </Group>
                  <Stack gap={2} mt={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {g.indicators.map((ind) => (
                      <Text size="sm" key={ind.id} component="li">
                        <Text span size="xs" c="dimmed" fw={600}>
                          {t(`review.aspect.${ind.aspect}`)}:{' '}
                        </Text>
                        {ind.qualitative
                          ? ind.description
                          : t('review.indicatorTarget', { indicator: ind.description, target: formatNumber(ind.target, i18n.language), unit: ind.unitOfMeasure ?? '' })}
                      </Text>
                    ))}
                  </Stack>
                  <Text size="xs" mt={4} c={parent ? 'dimmed' : '#7c2d12'}>
                    {parent ? t('review.serves', { title: parent.title }) : t('review.notLinked')}
                  </Text>
                  {plan.status === 'APPROVED' && g.achievement !== null && (
                    <Text size="xs">{t('review.achievement', { value: formatPercent(g.achievement, i18n.language) })}</Text>
                  )}
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
                  <Badge variant="light" color={served.length ? 'teal' : 'gray'} autoContrast mt={4}>
                    {t('review.servedCount', { count: served.length })}
                  </Badge>
                </Card>
              );
            })}
          </Stack>
        </Card>
      </SimpleGrid>
      {unlinked.length > 0 && plan.status === 'SUBMITTED' && <Alert color="yellow">{t('review.unlinkedWarning', { count: unlinked.length })}</Alert>}
      {plan.status === 'SUBMITTED' && (
        <Card withBorder component="section" aria-labelledby="review-decision">
          <Title order={2} size="h4" id="review-decision" mb="sm">
            {t('review.decision')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('review.submittedOn', { date: formatDate(plan.submittedAt, i18n.language) })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="xs">
              <Text size="sm">{t('review.approveHint')}</Text>
              <Group>
                <Button size="md" onClick={() => void doApprove()} loading={approving.loading}>
                  {t('review.approve')}
                </Button>
              </Group>
            </Stack>
            <Stack gap="xs">
              <Textarea
                label={t('review.returnNote')}
                description={t('review.returnNoteHint')}
                value={note.value.text}
                onChange={(e) => note.update({ text: e.currentTarget.value })}
                autosize
                minRows={3}
                maxLength={2000}
              />
              <Group>
                <Button variant="default" onClick={() => void doReturn()} loading={returning.loading} disabled={!note.value.text.trim()}>
                  {t('review.return')}
                </Button>
              </Group>
            </Stack>
          </SimpleGrid>
        </Card>
      )}
      <BehaviorExpectations planId={plan.id} expectations={plan.behaviorExpectations} editable={plan.status !== 'APPROVED'} />
      {plan.status === 'APPROVED' && <RealizationFeedback goals={plan.goals} />}
      <Group>
        <Button component={Link} to="/tim" variant="subtle">
          {t('review.back')}
        </Button>
      </Group>
    </Stack>
  );
}
