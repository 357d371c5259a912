import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../lib/useDraft';
import { IndicatorFields } from './IndicatorFields';
import { EMPTY_INDICATOR, indicatorMissing, type IndicatorDraft } from './indicatorDraft';

export interface GoalDraft extends IndicatorDraft {
  title: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  parentGoalId: string;
}

const EMPTY: GoalDraft = { ...EMPTY_INDICATOR, title: '', kind: 'UTAMA', parentGoalId: '' };

interface Props {
  draftKey: string;
  parents: Array<{ id: string; title: string }> | null;
  saving: boolean;
  onSave: (draft: GoalDraft) => Promise<boolean>;
}

/**
 * A new RHK with its first indicator. What is typed is kept on this device until the graph saved it
 * (a reload or a refused save loses nothing). The graph checks every rule; the form only says what is missing.
 */
export function GoalForm({ draftKey, parents, saving, onSave }: Props) {
  const { t } = useTranslation();
  const { value, update, clear, restored } = useDraft<GoalDraft>(draftKey, EMPTY);
  const missing = !value.title.trim() || indicatorMissing(value);
  const save = async () => {
    if (missing) return;
    const ok = await onSave(value);
    if (ok) clear();
  };
  return (
    <Stack gap="sm">
      {restored && (
        <Text size="sm" c="blue.9" role="status">
          {t('draft.restored')}
        </Text>
      )}
      <div>
        <Text size="sm" fw={500} mb={4} id={`${draftKey}-kind`}>
          {t('skp.kind')}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby={`${draftKey}-kind`}
          value={value.kind}
          onChange={(v) => update({ kind: v as GoalDraft['kind'] })}
          data={[
            { value: 'UTAMA', label: t('skp.kinds.UTAMA') },
            { value: 'TAMBAHAN', label: t('skp.kinds.TAMBAHAN') },
          ]}
        />
      </div>
      <TextInput label={t('goal.title')} required value={value.title} onChange={(e) => update({ title: e.currentTarget.value })} maxLength={300} />
      {parents === null ? (
        <Text size="sm" c="dimmed">
          {t('goal.noSupervisorPlan')}
        </Text>
      ) : (
        <Select
          label={t('goal.parent')}
          description={t('goal.parentHint')}
          placeholder={t('goal.parentNone')}
          clearable
          data={parents.map((p) => ({ value: p.id, label: p.title }))}
          value={value.parentGoalId || null}
          onChange={(v) => update({ parentGoalId: v ?? '' })}
        />
      )}
      <IndicatorFields value={value} update={update} />
      <Group>
        <Button onClick={() => void save()} loading={saving} disabled={missing}>
          {t('goal.add')}
        </Button>
        {restored && (
          <Button variant="subtle" color="gray" onClick={clear}>
            {t('draft.discard')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
