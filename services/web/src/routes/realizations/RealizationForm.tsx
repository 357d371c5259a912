import { Button, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodsOf } from '../../lib/periods';
import { useDraft } from '../../lib/useDraft';

export interface RealizationDraft {
  period: string;
  value: number | '';
  note: string;
  evidenceUrl: string;
}

/** One realization with its evidence (a link); kept on this device until saved. */
export function RealizationForm({ goalId, year, defaultPeriod, saving, onSave }: {
  goalId: string;
  year: number;
  defaultPeriod: string;
  saving: boolean;
  onSave: (input: { period: string; value: number; note: string | null; evidenceUrl: string | null }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { value, update, clear, restored } = useDraft<RealizationDraft>(`realization-${goalId}`, { period: defaultPeriod, value: '', note: '', evidenceUrl: '' });
  const periods = periodsOf(year).map((p) => ({ value: p, label: p }));
  const save = async () => {
    if (value.value === '') return;
    const ok = await onSave({ period: value.period, value: Number(value.value), note: value.note.trim() || null, evidenceUrl: value.evidenceUrl.trim() || null });
    if (ok) clear();
  };
  return (
    <Stack gap="xs">
      {restored && <Text size="sm" c="blue.9" role="status">{t('draft.restored')}</Text>}
      <Select label={t('realization.period')} data={periods} value={value.period} onChange={(v) => update({ period: v ?? defaultPeriod })} allowDeselect={false} />
      <NumberInput label={t('realization.value')} required min={0} value={value.value} onChange={(v) => update({ value: typeof v === 'number' ? v : v === '' ? '' : Number(v) })} />
      <TextInput label={t('realization.evidence')} description={t('realization.evidenceHint')} type="url" value={value.evidenceUrl} onChange={(e) => update({ evidenceUrl: e.currentTarget.value })} maxLength={2000} />
      <Textarea label={t('realization.note')} value={value.note} onChange={(e) => update({ note: e.currentTarget.value })} autosize minRows={2} maxLength={2000} />
      <Button onClick={() => void save()} loading={saving} disabled={value.value === ''}>
        {t('realization.save')}
      </Button>
    </Stack>
  );
}
