import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../lib/useDraft';

type Attachments = { resources: string; accountability: string; consequences: string };
const FIELDS = ['resources', 'accountability', 'consequences'] as const;

/** Lampiran SKP (text): read-only once approved; kept on this device until saved. */
export function PlanAttachments({ planId, saved, editable, saving, onSave }: {
  planId: string;
  saved: { resources: string | null; accountability: string | null; consequences: string | null } | null;
  editable: boolean;
  saving: boolean;
  onSave: (a: Attachments) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const initial: Attachments = { resources: saved?.resources ?? '', accountability: saved?.accountability ?? '', consequences: saved?.consequences ?? '' };
  const { value, update, clear } = useDraft<Attachments>(`attachments-${planId}`, initial);
  if (!editable) {
    return (
      <Stack gap="xs">
        {FIELDS.map((f) => (
          <div key={f}>
            <Text size="sm" fw={600}>{t(`attachments.${f}`)}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{saved?.[f] || '–'}</Text>
          </div>
        ))}
      </Stack>
    );
  }
  const changed = FIELDS.some((f) => value[f] !== initial[f]);
  return (
    <Stack gap="sm">
      {FIELDS.map((f) => (
        <Textarea key={f} label={t(`attachments.${f}`)} autosize minRows={2} maxLength={4000} value={value[f]} onChange={(e) => update({ [f]: e.currentTarget.value })} />
      ))}
      <div>
        <Button variant="light" loading={saving} disabled={!changed} onClick={() => void onSave(value).then((ok) => ok && clear())}>
          {t('attachments.save')}
        </Button>
      </div>
    </Stack>
  );
}
