import { useMutation } from '@apollo/client/react';
import { Accordion, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceLinks } from '../../components/EvidenceLinks';
import { GiveRealizationFeedbackDocument, type ReviewIndicatorFragment } from '../../gql/graphql';
import { formatDate, formatNumber } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useDraft } from '../../lib/useDraft';

type RealizationRow = ReviewIndicatorFragment['realizations'][number];

interface GoalWithIndicators {
  id: string;
  title: string;
  indicators: ReviewIndicatorFragment[];
}

/** Umpan balik on each realization of an approved plan, by the direct supervisor (WEB.md "Realizations"). */
export function RealizationFeedback({ goals }: { goals: GoalWithIndicators[] }) {
  const { t } = useTranslation();
  const withRealizations = goals.filter((g) => g.indicators.some((i) => i.realizations.length > 0));
  const waiting = (g: GoalWithIndicators) => g.indicators.flatMap((i) => i.realizations).filter((r) => !r.feedback).length;
  return (
    <Card withBorder component="section" aria-labelledby="review-realizations">
      <Title order={2} size="h4" id="review-realizations" mb="sm">
        {t('realizationFeedback.title')}
      </Title>
      {withRealizations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('realizationFeedback.none')}
        </Text>
      ) : (
        <Accordion variant="separated" multiple>
          {withRealizations.map((g) => (
            <Accordion.Item key={g.id} value={g.id}>
              <Accordion.Control>
                <Text fw={600} size="sm">
                  {g.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('realizationFeedback.waiting', { count: waiting(g) })}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="md">
                  {g.indicators
                    .filter((i) => i.realizations.length > 0)
                    .map((ind) => (
                      <Stack gap="xs" key={ind.id}>
                        <Text size="sm" fw={600}>
                          {ind.description}
                        </Text>
                        {[...ind.realizations].reverse().map((r) => (
                          <RealizationRowView key={r.id} realization={r} unit={ind.unitOfMeasure ?? ''} qualitative={ind.qualitative} />
                        ))}
                      </Stack>
                    ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Card>
  );
}

function RealizationRowView({ realization: r, unit, qualitative }: { realization: RealizationRow; unit: string; qualitative: boolean }) {
  const { t, i18n } = useTranslation();
  const draft = useDraft(`realization-feedback.${r.id}`, { text: '' });
  const [open, setOpen] = useState(draft.restored);
  const [give, giving] = useMutation(GiveRealizationFeedbackDocument);
  const [lastError, setLastError] = useState<unknown>(null);
  const save = async () => {
    setLastError(null);
    try {
      await give({ variables: { realizationId: r.id, feedback: draft.value.text.trim() } });
      draft.clear();
      setOpen(false);
      notify(t('realizationFeedback.saved'));
    } catch (e) {
      setLastError(e);
    }
  };
  return (
    <Card padding="xs" bg="gray.0" radius="sm">
      <Group justify="space-between" gap="xs" align="flex-start">
        <div>
          <Text size="sm">
            <Text span fw={600}>
              {r.period}
            </Text>
            {qualitative ? '' : `: ${formatNumber(r.value, i18n.language)} ${unit}`}
          </Text>
          {r.note && (
            <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {r.note}
            </Text>
          )}
          <EvidenceLinks evidenceUrl={r.evidenceUrl} files={r.evidenceFiles} />
        </div>
        {!open && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              if (!draft.value.text && r.feedback) draft.update({ text: r.feedback });
              setOpen(true);
            }}
            aria-label={`${r.feedback ? t('realizationFeedback.edit') : t('realizationFeedback.give')}: ${r.period}`}
          >
            {r.feedback ? t('realizationFeedback.edit') : t('realizationFeedback.give')}
          </Button>
        )}
      </Group>
      {r.feedback && !open && (
        <Text size="xs" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          <Text span fw={600} size="xs">
            {t('realizationFeedback.yours', { date: formatDate(r.feedbackAt, i18n.language) })}{' '}
          </Text>
          {r.feedback}
        </Text>
      )}
      {open && (
        <Stack gap="xs" mt="xs">
          <ErrorAlert error={lastError} onReload={() => setLastError(null)} />
          <Textarea
            label={t('realizationFeedback.label', { period: r.period })}
            value={draft.value.text}
            onChange={(e) => draft.update({ text: e.currentTarget.value })}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group gap="xs">
            <Button size="compact-sm" onClick={() => void save()} loading={giving.loading} disabled={!draft.value.text.trim()}>
              {t('realizationFeedback.save')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => {
                draft.clear();
                setOpen(false);
              }}
            >
              {t('realizationFeedback.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
