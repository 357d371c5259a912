import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { rewardReasonText, type RewardReasonView } from '../lib/rewardReasons';

/** A reward decision's reasons, each said in the reader's language. */
export function RewardReasonList({ reasons, label }: { reasons: readonly RewardReasonView[]; label?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <List size="sm" aria-label={label}>
      {reasons.map((r, i) => (
        <List.Item key={`${r.code}-${i}`}>{rewardReasonText(t, r, i18n.language)}</List.Item>
      ))}
    </List>
  );
}
