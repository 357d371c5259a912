import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../lib/useDraft';
import { IndicatorFields } from './IndicatorFields';
import { EMPTY_INDICATOR, indicatorMissing, type IndicatorDraft } from './indicatorDraft';

/** Another indicator of an RHK (an RHK may have several); kept on this device until saved. */
export function IndicatorForm({ goalId, saving, onSave, onCancel }: { goalId: string; saving: boolean; onSave: (d: IndicatorDraft) => Promise<boolean>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { value, update, clear } = useDraft<IndicatorDraft>(`indicator-new-${goalId}`, EMPTY_INDICATOR);
  const missing = indicatorMissing(value);
  return (
    <>
      <IndicatorFields value={value} update={update} />
      <Group mt="sm">
        <Button size="sm" loading={saving} disabled={missing} onClick={() => void onSave(value).then((ok) => ok && clear())}>
          {t('indicator.save')}
        </Button>
        <Button size="sm" variant="subtle" color="gray" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
      </Group>
    </>
  );
}
