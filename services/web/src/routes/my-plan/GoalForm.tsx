import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../lib/useDraft';

export interface GoalDraft {
  title: string;
  indicator: string;
  unitOfMeasure: string;
  target: number | '';
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  parentGoalId: string;
}

const EMPTY: GoalDraft = { title: '', indicator: '', unitOfMeasure: '', target: '', direction: 'HIGHER_IS_BETTER', parentGoalId: '' };

interface Props {
  draftKey: string;
  parents: Array<{ id: string; title: string }> | null;
  saving: boolean;
  onSave: (input: Omit<GoalDraft, 'target' | 'parentGoalId'> & { target: number; parentGoalId: string | null }) => Promise<boolean>;
}

/**
 * A new RHK. What is typed is kept on this device until the graph saved it (a reload or a refused
 * save loses nothing). The graph checks every rule; the form only says what is missing.
 */
export function GoalForm({ draftKey, parents, saving, onSave }: Props) {
  const { t } = useTranslation();
  const { value, update, clear, restored } = useDraft<GoalDraft>(draftKey, EMPTY);
  const missing = !value.title.trim() || !value.indicator.trim() || !value.unitOfMeasure.trim() || value.target === '';
  const save = async () => {
    if (missing) return;
    const ok = await onSave({ ...value, target: Number(value.target), parentGoalId: value.parentGoalId || null });
    if (ok) clear();
  };
  return (
    <Stack gap="sm">
      {restored && (
        <Text size="sm" c="blue.9" role="status">
          {t('draft.restored')}
        </Text>
      )}
      <TextInput label={t('goal.title')} required value={value.title} onChange={(e) => update({ title: e.currentTarget.value })} maxLength={500} />
      <TextInput label={t('goal.indicator')} required value={value.indicator} onChange={(e) => update({ indicator: e.currentTarget.value })} maxLength={500} />
      <Group grow align="flex-start">
        <NumberInput label={t('goal.target')} required min={0} value={value.target} onChange={(v) => update({ target: typeof v === 'number' ? v : v === '' ? '' : Number(v) })} />
        <TextInput label={t('goal.unit')} required value={value.unitOfMeasure} onChange={(e) => update({ unitOfMeasure: e.currentTarget.value })} maxLength={100} />
      </Group>
      <div>
        <Text size="sm" fw={500} mb={4} id={`${draftKey}-direction`}>
          {t('goal.direction')}
        </Text>
        <SegmentedControl
          fullWidth
          aria-labelledby={`${draftKey}-direction`}
          value={value.direction}
          onChange={(v) => update({ direction: v as GoalDraft['direction'] })}
          data={[
            { value: 'HIGHER_IS_BETTER', label: t('goal.higher') },
            { value: 'LOWER_IS_BETTER', label: t('goal.lower') },
          ]}
        />
      </div>
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
