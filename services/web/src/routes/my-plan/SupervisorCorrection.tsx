import { useLazyQuery, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RequestSupervisorCorrectionDocument, SupervisorCandidatesDocument } from '../../gql/graphql';
import { formatDate } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useDraft } from '../../lib/useDraft';

interface Request {
  id: string;
  status: string;
  note: string;
  resolutionNote: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

/**
 * "My supervisor is wrong" (WEB.md, My SKP): a request to BKPSDM, who corrects the record. The
 * latest request's state is shown; a new one can be sent once the last is resolved.
 */
export function SupervisorCorrection({ requests, onSent }: { requests: Request[]; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const { value, update, clear } = useDraft<{ note: string; proposedId: string; proposedLabel: string }>('supervisor-correction', { note: '', proposedId: '', proposedLabel: '' });
  const [search, found] = useLazyQuery(SupervisorCandidatesDocument);
  const [send, sending] = useMutation(RequestSupervisorCorrectionDocument);
  const [error, setError] = useState<unknown>(null);
  const latest = requests[0];
  const candidates = (found.data?.employees.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name} · ${e.node.positionTitle} · ${e.node.unit.name}` }));
  if (value.proposedId && !candidates.some((c) => c.value === value.proposedId)) candidates.unshift({ value: value.proposedId, label: value.proposedLabel });

  const submit = async () => {
    setError(null);
    try {
      await send({ variables: { input: { note: value.note, ...(value.proposedId ? { proposedSupervisorId: value.proposedId } : {}) } } });
      clear();
      setOpen(false);
      notify(t('correction.sent'));
      onSent();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="xs">
      {latest && (
        <Alert color={latest.status === 'OPEN' ? 'blue' : latest.status === 'APPLIED' ? 'teal' : 'gray'} title={t(`correction.status.${latest.status}`)}>
          <Text size="sm">{t('correction.sentOn', { date: formatDate(latest.createdAt, i18n.language) })}</Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{latest.note}</Text>
          {latest.resolutionNote && <Text size="sm">{t('correction.resolution', { note: latest.resolutionNote })}</Text>}
        </Alert>
      )}
      {latest?.status !== 'OPEN' && !open && (
        <div>
          <Button variant="subtle" size="compact-sm" onClick={() => setOpen(true)}>
            {t('correction.open')}
          </Button>
        </div>
      )}
      {open && (
        <Card withBorder>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('correction.title')}
            </Title>
            <Text size="sm">{t('correction.explain')}</Text>
            <ErrorAlert error={error} />
            <Textarea label={t('correction.note')} required autosize minRows={2} maxLength={2000} value={value.note} onChange={(e) => update({ note: e.currentTarget.value })} />
            <Select
              label={t('correction.proposed')}
              description={t('correction.proposedHint')}
              searchable
              clearable
              data={candidates}
              value={value.proposedId || null}
              onSearchChange={(q) => {
                if (q.trim().length >= 3 && !candidates.some((c) => c.label === q)) void search({ variables: { search: q.trim() } });
              }}
              onChange={(v, option) => update({ proposedId: v ?? '', proposedLabel: option?.label ?? '' })}
              nothingFoundMessage={t('correction.nobody')}
              filter={({ options }) => options}
            />
            <Stack gap="xs" align="flex-start">
              <Button onClick={() => void submit()} loading={sending.loading} disabled={!value.note.trim()}>
                {t('correction.send')}
              </Button>
              <Button variant="subtle" color="gray" onClick={() => setOpen(false)}>
                {t('form.cancel')}
              </Button>
            </Stack>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
