import { Alert, Badge, Box, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Predicate, UnitDistributionFragment } from '../../gql/graphql';
import { formatNumber } from '../../lib/format';
import { useRuleText } from './ruleText';

const ORDER: Predicate[] = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
const COLORS: Record<Predicate, string> = { SANGAT_BAIK: 'teal.8', BAIK: 'teal.6', BUTUH_PERBAIKAN: 'yellow.7', KURANG: 'orange.8', SANGAT_KURANG: 'red.8' };

/**
 * The team's distribution against the curve (DOMAIN.md, PermenPANRB 6/2022), as the graph counts it:
 * completed annual predicates per unit, those in progress, and each rule the unit breaks. While the
 * evaluation is being rated the workspace asks with `including` (WEB.md: the distribution live while
 * rating): the graph then counts this evaluation as if completed with its current predicate and says
 * so in `assumed`, and the panel says so in words. The graph decides the counts and the warnings.
 */
export default function CurvePanel({ units, thisPredicate, completed, including }: {
  units: UnitDistributionFragment[];
  thisPredicate: Predicate | null;
  completed: boolean;
  /** The counts were asked as if this evaluation were completed (`including`). */
  including: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ruleText = useRuleText();
  return (
    <Stack gap="lg">
      {units.map((u) => {
        const d = u.predicateDistribution;
        const count = (p: Predicate) => d.counts.find((c) => c.predicate === p);
        // Where this evaluation is in the bars: counted (assumed) while asked with it; else, still open, where its predicate would go.
        const marked = including ? d.assumed : completed ? null : thisPredicate;
        return (
          <Box key={u.id} component="section" aria-labelledby={`curve-${u.id}`}>
            <Title order={3} size="h5" id={`curve-${u.id}`}>
              {t('curve.title', { unit: u.name, year: d.year })}
            </Title>
            <Text size="sm">
              {d.organizationPredicate ? t('curve.orgPredicate', { predicate: t(`curve.org.${d.organizationPredicate}`) }) : t('curve.noOrgPredicate')}
            </Text>
            <Text size="sm" c="dimmed" mb="xs">
              {d.assumed ? t('curve.countsWithThis', { evaluated: d.evaluated, inProgress: d.inProgress }) : t('curve.counts', { evaluated: d.evaluated, inProgress: d.inProgress })}
            </Text>
            {including && (
              <Text size="sm" fw={d.assumed ? 600 : undefined} c={d.assumed ? undefined : 'dimmed'} mb="xs">
                {d.assumed
                  ? t('curve.includesThis', { predicate: t(`predicate.${d.assumed}`) })
                  : thisPredicate ? t('curve.notInUnit') : t('curve.notCountedYet')}
              </Text>
            )}
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {ORDER.map((p) => {
                const c = count(p);
                const percent = c?.percent ?? 0;
                const label = t('curve.bar', { predicate: t(`predicate.${p}`), count: c?.count ?? 0, percent: formatNumber(percent, i18n.language) });
                return (
                  <li key={p}>
                    <Group justify="space-between" gap="xs" wrap="nowrap">
                      <Text size="xs">{label}</Text>
                      {marked === p && (
                        <Badge size="xs" variant="outline" color="dark">
                          {t('curve.thisOne', { predicate: t(`predicate.${p}`) })}
                        </Badge>
                      )}
                    </Group>
                    <Progress value={percent} color={COLORS[p]} size="md" aria-label={label} />
                  </li>
                );
              })}
            </Stack>
            {d.organizationPredicate && d.evaluated === 0 && (
              <Text size="xs" c="dimmed" mt="xs">
                {t('curve.noneEvaluated')}
              </Text>
            )}
            {d.organizationPredicate && d.evaluated > 0 && d.warnings.length === 0 && (
              <Text size="sm" c="teal.9" mt="xs">
                {d.assumed ? t('curve.okWithThis') : t('curve.ok')}
              </Text>
            )}
            {d.warnings.length > 0 && (
              <Alert color="orange" mt="xs" title={d.assumed ? t('curve.warningsTitleWithThis') : t('curve.warningsTitle')}>
                <List size="sm" spacing={2}>
                  {d.warnings.map((w) => (
                    <List.Item key={w.rule}>{ruleText(w.rule, w.message)}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
