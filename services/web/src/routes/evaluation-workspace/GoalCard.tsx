import { useMutation } from '@apollo/client/react';
import { Badge, Card, Group, Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceLinks } from '../../components/EvidenceLinks';
import { RateGoalDocument, type EvaluationWorkspaceQuery, type Rating } from '../../gql/graphql';
import { formatNumber, formatPercent } from '../../lib/format';
import { useDraft } from '../../lib/useDraft';

export const RATINGS: Rating[] = ['ABOVE_EXPECTATION', 'MEETS_EXPECTATION', 'BELOW_EXPECTATION'];

type Goal = NonNullable<EvaluationWorkspaceQuery['evaluation']>['performancePlans'][number]['goals'][number];

/**
 * One RHK of the plan under evaluation: its indicators, realizations and evidence, and the
 * evaluator's rating of it (rateGoal, saved on choosing; a second choice replaces the first).
 */
export function GoalCard({ evaluationId, goal, saved, open, onError }: {
  evaluationId: string;
  goal: Goal;
  saved: { rating: Rating; note: string | null } | undefined;
  open: boolean;
  onError: (e: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const [rate, rating] = useMutation(RateGoalDocument);
  const note = useDraft(`goal-note.${evaluationId}.${goal.id}`, { text: saved?.note ?? '' });
  const [chosen, setChosen] = useState<Rating | null>(null);
  const value = chosen ?? saved?.rating ?? null;

  const save = async (r: Rating) => {
    setChosen(r);
    onError(null);
    try {
      const text = note.value.text.trim();
      await rate({ variables: { evaluationId, goalId: goal.id, rating: r, note: text || null } });
      note.clear();
      setChosen(null);
      // No toast per RHK: a supervisor rates dozens; the checked radio is the answer.
    } catch (e) {
      // The choice and the note stay on screen (and the note in its draft) to try again.
      onError(e);
    }
  };
  const noteChanged = note.value.text.trim() !== (saved?.note ?? '').trim();

  return (
    <Card padding="sm" bg="gray.0" component="article" aria-labelledby={`goal-${goal.id}`}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge size="sm" variant="light" color={goal.kind === 'UTAMA' ? 'teal' : 'gray'} autoContrast style={{ flexShrink: 0 }}>
          {t(`review.kind.${goal.kind}`)}
        </Badge>
        <Text fw={600} size="sm" id={`goal-${goal.id}`}>
          {goal.title}
        </Text>
      </Group>
      {goal.achievement !== null && (
        <Text size="sm" fw={600} mt={4}>
          {t('workspace.achievement', { value: formatPercent(goal.achievement, i18n.language) })}
        </Text>
      )}
      <Stack gap={6} mt="xs">
        {goal.indicators.map((ind) => (
          <div key={ind.id}>
            <Text size="sm">
              <Text span size="xs" c="dimmed" fw={600}>
                {t(`review.aspect.${ind.aspect}`)}:{' '}
              </Text>
              {ind.description}
              {!ind.qualitative && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  · {t('realization.progress', { realized: formatNumber(ind.realized, i18n.language), target: formatNumber(ind.target, i18n.language), unit: ind.unitOfMeasure ?? '' })}
                </Text>
              )}
            </Text>
            {ind.realizations.length === 0 ? (
              <Text size="xs" c="dimmed">
                {t('workspace.noRealizations')}
              </Text>
            ) : (
              <Group gap={4} component="ul" wrap="wrap" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('workspace.realizationsOf', { indicator: ind.description })}>
                {ind.realizations.map((x, i) => (
                  <Group component="li" key={x.id} gap={4} wrap="nowrap">
                    <Text size="xs" c="dimmed">
                      {x.period}
                      {ind.qualitative ? '' : `: ${formatNumber(x.value, i18n.language)}`}
                      {x.note ? ` – ${x.note}` : ''}
                      {i < ind.realizations.length - 1 && !x.evidenceUrl && x.evidenceFiles.length === 0 ? ' ·' : ''}
                    </Text>
                    <EvidenceLinks evidenceUrl={x.evidenceUrl} files={x.evidenceFiles} />
                  </Group>
                ))}
              </Group>
            )}
          </div>
        ))}
      </Stack>
      {open ? (
        <Radio.Group
          mt="sm"
          label={t('workspace.goalRating', { title: goal.title })}
          value={value ?? ''}
          onChange={(v) => void save(v as Rating)}
        >
          <Group gap="md" mt={6} wrap="wrap">
            {RATINGS.map((r) => (
              <Radio key={r} value={r} label={t(`rating.${r}`)} disabled={rating.loading} />
            ))}
            {rating.loading && <Loader size="xs" role="status" aria-label={t('common.loading')} />}
          </Group>
        </Radio.Group>
      ) : (
        <Text size="sm" mt="sm" fw={600}>
          {t('workspace.goalRatedAs', { rating: saved ? t(`rating.${saved.rating}`) : t('workspace.notRated') })}
        </Text>
      )}
      {open && (
        <TextInput
          mt="xs"
          size="xs"
          label={t('workspace.goalNote')}
          value={note.value.text}
          maxLength={1000}
          onChange={(e) => note.update({ text: e.currentTarget.value })}
          onBlur={() => {
            if (noteChanged && value) void save(value);
          }}
        />
      )}
      {!open && saved?.note && (
        <Text size="xs" mt={4}>
          {saved.note}
        </Text>
      )}
    </Card>
  );
}
