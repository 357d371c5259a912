import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileObjectionDocument, MyEvaluationsDocument, type MyEvaluationsQuery } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { notify } from '../../lib/notify';
import { safeHttpUrl } from '../../lib/urls';
import { useDraft } from '../../lib/useDraft';
import { objectionWindow } from './objectionWindow';

type Evaluation = NonNullable<MyEvaluationsQuery['me']>['evaluations'][number];

const STATUS_COLOR: Record<string, string> = { FILED: 'blue', UPHELD: 'gray', CHANGED: 'teal' };

/** Keberatan: the form within its deadline, the objection's state once filed, or why it is closed. */
export function ObjectionSection({ evaluation }: { evaluation: Evaluation }) {
  const { t, i18n } = useTranslation();
  const state = objectionWindow(evaluation);
  const { value, update, clear } = useDraft<{ reason: string; evidenceUrl: string }>(`objection-${evaluation.id}`, { reason: '', evidenceUrl: '' });
  const [file, filing] = useMutation(FileObjectionDocument, { refetchQueries: [{ query: MyEvaluationsDocument }], awaitRefetchQueries: true });
  const [error, setError] = useState<unknown>(null);
  if (state === 'none') return null;
  const deadline = formatDate(evaluation.objectionDeadline, i18n.language);
  const titleId = `objection-${evaluation.id}`;
  const o = evaluation.objection;
  const submit = async () => {
    setError(null);
    try {
      await file({ variables: { evaluationId: evaluation.id, reason: value.reason.trim(), evidenceUrl: value.evidenceUrl.trim() || null } });
      clear();
      notify(t('objection.filed'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={3} size="h5" id={titleId}>
        {t('objection.title')}
      </Title>
      {o ? (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[o.status] ?? 'gray'} variant="light" autoContrast>{t(`objection.status.${o.status}`)}</Badge>
            <Text size="sm">{t('objection.filedOn', { date: formatDate(o.filedAt, i18n.language) })}</Text>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{o.reason}</Text>
          {safeHttpUrl(o.evidenceUrl) && (
            <Text size="sm"><a href={safeHttpUrl(o.evidenceUrl)!} target="_blank" rel="noopener noreferrer">{t('realization.openEvidence')}</a></Text>
          )}
          <Text size="sm">{t(o.status === 'FILED' ? 'objection.reviewerPending' : 'objection.reviewer', { name: o.reviewer.name })}</Text>
          {o.status === 'FILED' && <Text size="sm" c="dimmed">{t('objection.waiting')}</Text>}
          {o.decisionNote && <Text size="sm">{t('objection.decision', { date: formatDate(o.decidedAt, i18n.language), note: o.decisionNote })}</Text>}
        </Stack>
      ) : state === 'closed' ? (
        <Text size="sm">{t('objection.closed', { date: deadline })}</Text>
      ) : (
        <Stack gap="sm">
          <Alert color="blue" variant="light" p="xs">
            <Text size="sm">{t('objection.open', { date: deadline })}</Text>
          </Alert>
          <ErrorAlert error={error} />
          <Textarea label={t('objection.reason')} description={t('objection.reasonHint')} required autosize minRows={3} maxLength={4000} value={value.reason} onChange={(e) => update({ reason: e.currentTarget.value })} />
          <TextInput label={t('objection.evidence')} type="url" maxLength={2000} value={value.evidenceUrl} onChange={(e) => update({ evidenceUrl: e.currentTarget.value })} />
          <div>
            <Button color="orange" onClick={() => void submit()} loading={filing.loading} disabled={!value.reason.trim()}>
              {t('objection.submit')}
            </Button>
          </div>
        </Stack>
      )}
    </Stack>
  );
}
