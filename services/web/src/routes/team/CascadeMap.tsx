import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { CascadeMapDocument } from '../../gql/graphql';
import { currentPeriods } from '../../lib/periods';

/**
 * The cascade map: each of my RHK with the subordinates' RHK serving it, my uncovered RHK first (the
 * graph's `uncoveredGoals`), and the subordinates none of whose RHK serves mine yet (WEB.md).
 */
export default function CascadeMap() {
  const { t } = useTranslation();
  const { year } = currentPeriods();
  const { data, loading, error, refetch } = useQuery(CascadeMapDocument, { variables: { year } });
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const plan = data.me.performancePlan;
  const uncovered = new Set(plan?.uncoveredGoals.map((g) => g.id) ?? []);
  const goals = [...(plan?.goals ?? [])].sort((a, b) => Number(uncovered.has(b.id)) - Number(uncovered.has(a.id)));
  const serving = new Set(goals.flatMap((g) => g.childGoals.map((c) => c.plan.employee.id)));
  const notServing = data.me.subordinates.filter((s) => !serving.has(s.id));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('cascade.title', { year })}
        </Title>
        <Button component={Link} to="/tim" variant="subtle">
          {t('review.back')}
        </Button>
      </Group>
      {!plan ? (
        <Alert color="gray">{t('review.noOwnPlan')}</Alert>
      ) : (
        <>
          <Alert color={uncovered.size ? 'yellow' : 'teal'}>
            {uncovered.size ? t('cascade.uncoveredSummary', { count: uncovered.size, total: goals.length }) : t('cascade.allCovered')}
          </Alert>
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {goals.map((g) => (
              <Card withBorder key={g.id} component="li" padding="sm" aria-labelledby={`cascade-${g.id}`} style={uncovered.has(g.id) ? { borderColor: '#b45309', borderWidth: 2 } : undefined}>
                <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                  <Text fw={600} size="sm" id={`cascade-${g.id}`}>
                    {g.title}
                  </Text>
                  {uncovered.has(g.id) ? (
                    <Badge color="orange" variant="light" autoContrast style={{ flexShrink: 0 }}>
                      {t('cascade.uncovered')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light" autoContrast style={{ flexShrink: 0 }}>
                      {t('review.servedCount', { count: g.childGoals.length })}
                    </Badge>
                  )}
                </Group>
                {g.childGoals.length > 0 ? (
                  <Stack gap={4} mt="xs" component="ul" pl="md" style={{ margin: 0, borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
                    {[...g.childGoals].sort((x, y) => x.plan.employee.name.localeCompare(y.plan.employee.name)).map((c) => (
                      <Text size="sm" key={c.id} component="li" style={{ listStyle: 'none' }}>
                        <Text span fw={600} size="sm">
                          {c.plan.employee.name}
                        </Text>
                        {': '}
                        {c.title}{' '}
                        <Text span size="xs" c="dimmed">
                          ({t(`review.kind.${c.kind}`)}, {t(`plan.status.${c.plan.status}`)})
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  <Text size="xs" c="#7c2d12" mt={4}>
                    {t('cascade.nobody')}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
          {notServing.length > 0 && (
            <Card withBorder component="section" aria-labelledby="cascade-not-serving" padding="sm">
              <Title order={2} size="h4" id="cascade-not-serving" mb="xs">
                {t('cascade.notServing', { count: notServing.length })}
              </Title>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {notServing.map((s) => (
                  <Text size="sm" key={s.id} component="li">
                    {s.name}{' '}
                    <Text span size="xs" c="dimmed">
                      ({t(`plan.status.${s.performancePlan?.status ?? 'NONE'}`)})
                    </Text>
                  </Text>
                ))}
              </Stack>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
