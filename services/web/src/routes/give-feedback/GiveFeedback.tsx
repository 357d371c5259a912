import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { StarRating } from '../../components/StarRating';
import { FeedbackTargetsDocument, GiveFeedbackDocument, type CoreValue } from '../../gql/graphql';
import { useDraft } from '../../lib/useDraft';
import { notify } from '../../lib/notify';

const VALUES: CoreValue[] = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];

/** Feedback by BerAKHLAK value, 1-5 with a comment: for myself, a colleague, my supervisor or my staff. */
export default function GiveFeedback() {
  const { t } = useTranslation();
  const targets = useQuery(FeedbackTargetsDocument);
  const [give, giving] = useMutation(GiveFeedbackDocument);
  const { value, update, clear } = useDraft('feedback', { target: '', coreValue: 'BERORIENTASI_PELAYANAN' as CoreValue, score: 0, comment: '' });
  const [lastError, setLastError] = useState<unknown>(null);

  if (targets.loading && !targets.data) return <PageLoader />;
  if (!targets.data) return <ErrorAlert error={targets.error} onReload={() => void targets.refetch()} />;
  // Whom I may give feedback to, and as what, is the graph's (feedbackTargets: the rule giveFeedback enforces).
  const list = targets.data.feedbackTargets.map((x) => ({ evaluationId: x.evaluation.id, employeeId: x.evaluation.employee.id, name: x.evaluation.employee.name, source: x.source, cycle: x.evaluation.cycle.name }));
  // Someone with open evaluations in two cycles is listed once per cycle: the cycle tells the two apart.
  const twice = new Set(list.filter((x, i) => list.findIndex((y) => y.employeeId === x.employeeId) !== i).map((x) => x.employeeId));
  const labelOf = (x: (typeof list)[number]) => `${x.name} – ${t(`feedback.source.${x.source}`)}${twice.has(x.employeeId) ? ` (${x.cycle})` : ''}`;
  const chosen = list.find((x) => x.evaluationId === value.target);

  const send = async () => {
    if (!chosen || value.score === 0) return;
    setLastError(null);
    try {
      await give({ variables: { evaluationId: chosen.evaluationId, input: { source: chosen.source, coreValue: value.coreValue, score: value.score, comment: value.comment.trim() || null } } });
      notify(t('feedback.sent', { name: chosen.name }));
      clear();
    } catch (e) {
      setLastError(e);
    }
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1} size="h2">
        {t('feedback.title')}
      </Title>
      {list.length === 0 ? (
        <Alert color="gray">{t('feedback.noOpen')}</Alert>
      ) : (
        <Card withBorder>
          <Stack>
            <Select
              label={t('feedback.who')}
              placeholder={t('feedback.choose')}
              searchable
              data={list.map((x) => ({ value: x.evaluationId, label: labelOf(x) }))}
              value={value.target || null}
              onChange={(v) => update({ target: v ?? '' })}
            />
            <Select
              label={t('feedback.value')}
              data={VALUES.map((v) => ({ value: v, label: t(`coreValue.${v}`) }))}
              value={value.coreValue}
              allowDeselect={false}
              onChange={(v) => update({ coreValue: (v ?? 'BERORIENTASI_PELAYANAN') as CoreValue })}
            />
            <Text size="sm" c="dimmed">
              {t(`coreValueHint.${value.coreValue}`)}
            </Text>
            <StarRating
              label={t('feedback.score')}
              value={value.score}
              onChange={(score) => update({ score })}
              words={[t('citizen.score1'), t('citizen.score2'), t('citizen.score3'), t('citizen.score4'), t('citizen.score5')]}
            />
            <Textarea label={t('feedback.comment')} value={value.comment} onChange={(e) => update({ comment: e.currentTarget.value })} autosize minRows={3} maxLength={1000} />
            {chosen && chosen.source !== 'SELF' && chosen.source !== 'SUPERVISOR' && <Text size="xs" c="dimmed">{t('feedback.anonymous')}</Text>}
            <ErrorAlert error={lastError} />
            <Button onClick={() => void send()} loading={giving.loading} disabled={!chosen || value.score === 0}>
              {t('feedback.send')}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
