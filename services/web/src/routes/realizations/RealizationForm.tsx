import { Button, Input, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '../../lib/evidence';
import { periodsOf } from '../../lib/periods';
import { useDraft } from '../../lib/useDraft';

export interface RealizationDraft {
  period: string;
  value: number | '';
  note: string;
  evidenceUrl: string;
}

export interface RealizationSave {
  period: string;
  value: number | null;
  note: string | null;
  evidenceUrl: string | null;
  file: File | null;
}

/** Why a chosen file cannot be evidence, or null (the goals service checks again). */
export function fileProblem(file: File | null): 'type' | 'size' | null {
  if (!file) return null;
  if (!EVIDENCE_TYPES.includes(file.type)) return 'type';
  if (file.size > EVIDENCE_MAX_BYTES) return 'size';
  return null;
}

/**
 * One realization of one indicator with its evidence: a link, a file (PDF, PNG, JPEG) or both.
 * What is typed is kept on this device until saved (a file cannot be: it is chosen again).
 */
export function RealizationForm({ indicatorId, qualitative, year, defaultPeriod, saving, onSave }: {
  indicatorId: string;
  qualitative: boolean;
  year: number;
  defaultPeriod: string;
  saving: boolean;
  onSave: (input: RealizationSave) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { value, update, clear, restored } = useDraft<RealizationDraft>(`realization-${indicatorId}`, { period: defaultPeriod, value: '', note: '', evidenceUrl: '' });
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const periods = periodsOf(year).map((p) => ({ value: p, label: p }));
  const problem = fileProblem(file);
  const missing = qualitative ? !value.note.trim() : value.value === '';
  const save = async () => {
    if (missing || problem) return;
    const ok = await onSave({
      period: value.period, value: qualitative ? null : Number(value.value), note: value.note.trim() || null, evidenceUrl: value.evidenceUrl.trim() || null, file,
    });
    if (ok) {
      clear();
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  };
  const fileId = `evidence-file-${indicatorId}`;
  return (
    <Stack gap="xs">
      {restored && <Text size="sm" c="blue.9" role="status">{t('draft.restored')}</Text>}
      <Select label={t('realization.period')} data={periods} value={value.period} onChange={(v) => update({ period: v ?? defaultPeriod })} allowDeselect={false} />
      {!qualitative && (
        <NumberInput label={t('realization.value')} required min={0} value={value.value} onChange={(v) => update({ value: typeof v === 'number' ? v : v === '' ? '' : Number(v) })} />
      )}
      <TextInput label={t('realization.evidence')} description={t('realization.evidenceHint')} type="url" value={value.evidenceUrl} onChange={(e) => update({ evidenceUrl: e.currentTarget.value })} maxLength={2000} />
      <Input.Wrapper label={t('evidence.file')} description={t('evidence.fileHint')} id={fileId} error={problem ? t(`evidence.problem.${problem}`) : undefined}>
        <input
          ref={fileInput}
          id={fileId}
          type="file"
          accept={EVIDENCE_TYPES.join(',')}
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          style={{ display: 'block', maxWidth: '100%', fontSize: 14, marginTop: 4 }}
        />
      </Input.Wrapper>
      <Textarea
        label={qualitative ? t('evidence.qualitativeResult') : t('realization.note')}
        required={qualitative}
        value={value.note}
        onChange={(e) => update({ note: e.currentTarget.value })}
        autosize
        minRows={2}
        maxLength={1000}
      />
      <Button onClick={() => void save()} loading={saving} disabled={missing || problem !== null}>
        {t('realization.save')}
      </Button>
    </Stack>
  );
}
