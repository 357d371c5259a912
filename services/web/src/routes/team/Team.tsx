import { useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { TeamDocument } from '../../gql/graphql';
import { currentPeriods } from '../../lib/periods';
import { groupByPlanState, TEAM_STATES } from './teamStates';

/** The supervisor's team in four states, and each person's evaluation (WEB.md "Supervisor home"). */
export default function Team() {
  const { t } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(TeamDocument, { variables: { year } });
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const people = data.me.subordinates;
  const groups = groupByPlanState(people);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('team.title', { year })}
      </Title>
      {people.length === 0 && <Text c="dimmed">{t('team.empty')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        {TEAM_STATES.map((state) => (
          <Card withBorder key={state} component="section" aria-labelledby={`team-${state}`}>
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id={`team-${state}`}>
                {t(`team.state.${state}`)}
              </Title>
              <Badge variant="light" color="gray" autoContrast>
                {groups[state].length}
              </Badge>
            </Group>
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {groups[state].map((p) => (
                <li key={p.id}>
                  <Card padding="xs" radius="sm" bg="gray.0">
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.positionTitle}
                    </Text>
                    <Text size="xs">
                      {p.latestEvaluation
                        ? t('team.evaluation', {
                            cycle: p.latestEvaluation.cycle.name,
                            state: p.latestEvaluation.predicate ? t(`predicate.${p.latestEvaluation.predicate}`) : t(`evaluation.status.${p.latestEvaluation.status}`),
                          })
                        : t('team.noEvaluation')}
                    </Text>
                    <Group gap="xs" mt={6}>
                      {p.performancePlan && (
                        <Button component={Link} to={`/tim/skp/${p.performancePlan.id}`} size="compact-sm" variant={state === 'SUBMITTED' ? 'filled' : 'light'}>
                          {state === 'SUBMITTED' ? t('team.review') : t('team.openPlan')}
                        </Button>
                      )}
                      {p.latestEvaluation?.status === 'DRAFT' && (
                        <Button component={Link} to={`/tim/penilaian/${p.latestEvaluation.id}`} size="compact-sm" variant="light">
                          {t('team.rate')}
                        </Button>
                      )}
                    </Group>
                  </Card>
                </li>
              ))}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
