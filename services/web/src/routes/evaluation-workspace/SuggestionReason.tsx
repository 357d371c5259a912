import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkspaceRatingsFragment } from '../../gql/graphql';
import { formatPercent } from '../../lib/format';

type Reason = NonNullable<WorkspaceRatingsFragment['suggestedResultRatingReason']>;

/**
 * Why the graph suggests the result rating (WEB.md: why every verdict is what it is): the rule that
 * fired with its counts, and each RHK with the rating it counted and where that came from.
 */
export function SuggestionReason({ reason, titleOf }: { reason: Reason; titleOf: (goalId: string) => string }) {
  const { t, i18n } = useTranslation();
  const pct = (n: number | null | undefined) => formatPercent(n, i18n.language);
  const rule = t(`workspace.suggestionRule.${reason.rule}`, {
    below: reason.utamaBelow, above: reason.utamaAbove, rated: reason.utamaRated,
    predicate: reason.organizationPredicate ? t(`curve.org.${reason.organizationPredicate}`) : '',
  });
  return (
    <>
      <Text size="xs" mt={4}>{rule}</Text>
      {reason.tambahanAbove && reason.rule === 'MAJORITY_ABOVE' && <Text size="xs">{t('workspace.suggestionTambahan')}</Text>}
      {reason.rhk.length > 0 && (
        <>
          <Text size="xs" mt={4} fw={600}>{t('workspace.suggestionCounted')}</Text>
          <List size="xs" aria-label={t('workspace.suggestionCounted')}>
            {reason.rhk.map((r) => (
              <List.Item key={r.goal.id}>
                {t('workspace.suggestionRhk', {
                  title: titleOf(r.goal.id),
                  kind: t(`skp.kinds.${r.kind}`),
                  rating: r.rating ? t(`rating.${r.rating}`) : '–',
                  source: t(`workspace.suggestionSource.${r.source}`, { achievement: pct(r.achievement) }),
                })}
              </List.Item>
            ))}
          </List>
          <Text size="xs" mt={4}>{t('workspace.suggestionReason', { above: pct(reason.aboveFrom), meets: pct(reason.meetsFrom) })}</Text>
        </>
      )}
    </>
  );
}
