import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { TeamDocument } from '../../gql/graphql';
import { currentPeriods } from '../../lib/periods';
import { groupByPlanState, matchesName, TEAM_STATES, teamTodo } from './teamStates';

/** The supervisor's team in four states, and each person's evaluation (WEB.md "Supervisor home"). */
export default function Team() {
  const { t } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(TeamDocument, { variables: { year } });
  const [search, setSearch] = useState('');
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const people = data.me.subordinates;
  const shown = people.filter((p) => matchesName(p.name, search));
  const groups = groupByPlanState(shown);
  const todo = teamTodo(people);
  const uncovered = data.me.performancePlan?.uncoveredGoals.length ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('team.title', { year })}
        </Title>
        <Button component={Link} to="/tim/kaskade" variant="light">
          {t('team.cascadeLink')}
        </Button>
      </Group>
      {people.length === 0 ? (
        <Text c="dimmed">{t('team.empty')}</Text>
      ) : (
        <Alert color={todo.toReview + todo.toRate > 0 ? 'blue' : 'teal'} title={t('team.todoTitle')}>
          <Text size="sm">
            {t('team.todo', { review: todo.toReview, rate: todo.toRate, done: todo.rated, total: people.length })}
          </Text>
          {uncovered > 0 && (
            <Text size="sm" mt={4}>
              {t('team.uncovered', { count: uncovered })}
            </Text>
          )}
        </Alert>
      )}
      {people.length > 8 && (
        <TextInput label={t('team.search')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={360} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {TEAM_STATES.map((state) => (
          <Card withBorder key={state} component="section" aria-labelledby={`team-${state}`} padding="sm">
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={2} size="h4" id={`team-${state}`}>
                {t(`team.state.${state}`)}
              </Title>
              <Badge variant="light" color="gray" autoContrast>
                {groups[state].length}
              </Badge>
            </Group>
            {groups[state].length === 0 && (
              <Text size="xs" c="dimmed">
                {t('team.nobody')}
              </Text>
            )}
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {groups[state].map((p) => {
                const ev = p.latestEvaluation;
                return (
                  <li key={p.id}>
                    <Card padding="xs" radius="sm" bg="gray.0">
                      <Text size="sm" fw={600}>
                        {p.name}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {p.positionTitle}
                      </Text>
                      {p.performancePlan?.status === 'RETURNED' && (
                        <Badge color="orange" variant="light" autoContrast size="sm" mt={4}>
                          {t('plan.status.RETURNED')}
                        </Badge>
                      )}
                      <Text size="xs" mt={4}>
                        {ev
                          ? t('team.evaluation', {
                              cycle: ev.cycle.name,
                              state: ev.predicate && ev.status !== 'DRAFT' ? t(`predicate.${ev.predicate}`) : t(`evaluation.status.${ev.status}`),
                            })
                          : t('team.noEvaluation')}
                      </Text>
                      <Group gap="xs" mt={6}>
                        {p.performancePlan && (
                          <Button
                            component={Link}
                            to={`/tim/skp/${p.performancePlan.id}`}
                            size="compact-sm"
                            variant={state === 'SUBMITTED' ? 'filled' : 'light'}
                            aria-label={`${state === 'SUBMITTED' ? t('team.review') : t('team.openPlan')}: ${p.name}`}
                          >
                            {state === 'SUBMITTED' ? t('team.review') : t('team.openPlan')}
                          </Button>
                        )}
                        {ev && (
                          <Button
                            component={Link}
                            to={`/tim/penilaian/${ev.id}`}
                            size="compact-sm"
                            variant={ev.status === 'DRAFT' ? 'light' : 'subtle'}
                            aria-label={`${ev.status === 'DRAFT' ? t('team.rate') : t('team.openEvaluation')}: ${p.name}`}
                          >
                            {ev.status === 'DRAFT' ? t('team.rate') : t('team.openEvaluation')}
                          </Button>
                        )}
                      </Group>
                    </Card>
                  </li>
                );
              })}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
