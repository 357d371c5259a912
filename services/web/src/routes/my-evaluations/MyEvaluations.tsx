import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { QuadrantCell } from '../../components/QuadrantCell';
import { RewardReasonList } from '../../components/RewardReasonList';
import { MyEvaluationsDocument } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { ObjectionSection } from './ObjectionSection';

/**
 * My evaluations: ratings, the predicate and its quadrant cell, behaviour per BerAKHLAK value from
 * feedback (authors hidden by the graph), the reward decision with its reasons and policy version.
 */
export default function MyEvaluations() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MyEvaluationsDocument);
  if (loading && !data) return <PageLoader />;
  if (!data?.me) return <ErrorAlert error={error} onReload={() => void refetch()} />;
  const evaluations = data.me.evaluations;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('myEvaluations.title')}
      </Title>
      {evaluations.length === 0 && <Text c="dimmed">{t('myEvaluations.none')}</Text>}
      {evaluations.map((e) => (
        <Card withBorder key={e.id} component="article" aria-labelledby={`ev-${e.id}`}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4" id={`ev-${e.id}`}>
                {e.cycle.name}
              </Title>
              <Badge variant="light" color={e.status === 'COMPLETED' ? 'teal' : 'yellow'} autoContrast>
                {t(`evaluation.status.${e.status}`)}
              </Badge>
            </Group>
            <Text size="sm">{t('myEvaluations.evaluator', { name: e.evaluator.name })}</Text>
            {e.status === 'COMPLETED' && <Text size="sm">{t('myEvaluations.completedOn', { date: formatDate(e.completedAt, i18n.language) })}</Text>}
            <Group gap="xl" align="flex-start">
              <Stack gap={4}>
                <Text size="sm">{t('myEvaluations.result', { rating: e.resultRating ? t(`rating.${e.resultRating}`) : '–' })}</Text>
                <Text size="sm">{t('myEvaluations.behavior', { rating: e.behaviorRating ? t(`rating.${e.behaviorRating}`) : '–' })}</Text>
                {e.predicate && (
                  <Text fw={700}>
                    {t('myEvaluations.predicate', { predicate: t(`predicate.${e.predicate}`) })}
                  </Text>
                )}
              </Stack>
              <QuadrantCell resultRating={e.resultRating} behaviorRating={e.behaviorRating} predicate={e.predicate} />
            </Group>
            {e.behaviorSummary.length > 0 && (
              <div>
                <Title order={3} size="h5" mb={4}>
                  {t('myEvaluations.behaviorByValue')}
                </Title>
                <Table striped withRowBorders={false} fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('myEvaluations.value')}</Table.Th>
                      <Table.Th>{t('myEvaluations.mean')}</Table.Th>
                      <Table.Th>{t('myEvaluations.count')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.behaviorSummary.map((b) => (
                      <Table.Tr key={b.coreValue}>
                        <Table.Td>{t(`coreValue.${b.coreValue}`)}</Table.Td>
                        <Table.Td>{formatNumber(b.mean, i18n.language)}</Table.Td>
                        <Table.Td>{b.count}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </div>
            )}
            {e.rewardDecision ? (
              <section aria-labelledby={`decision-${e.id}`}>
                <Title order={3} size="h5" mb={4} id={`decision-${e.id}`}>
                  {t('myEvaluations.decision')}
                </Title>
                <Text size="sm">{t('home.reward', { percent: formatNumber(e.rewardDecision.allowancePercent, i18n.language) })}</Text>
                <Text size="sm">
                  {t(e.rewardDecision.certificateEligible ? 'decision.certificateYes' : 'decision.certificateNo')} · {t(e.rewardDecision.promotionEligible ? 'decision.promotionYes' : 'decision.promotionNo')}
                </Text>
                {e.rewardDecision.followUp !== 'NONE' && <Text size="sm">{t(`decision.followUp.${e.rewardDecision.followUp}`)}</Text>}
                <Text size="sm" fw={600} mt={4}>{t('decision.reasons')}</Text>
                <RewardReasonList reasons={e.rewardDecision.reasonCodes} />
                <Text size="xs" c="dimmed">
                  {t('home.policyVersion', { version: e.rewardDecision.policyVersion })} · {formatDate(e.rewardDecision.decidedAt, i18n.language)}
                </Text>
              </section>
            ) : (
              e.status === 'COMPLETED' && <Text size="sm" c="dimmed">{t('decision.pending')}</Text>
            )}
            <ObjectionSection evaluation={e} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
