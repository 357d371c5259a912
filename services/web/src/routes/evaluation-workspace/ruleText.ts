import { useTranslation } from 'react-i18next';

/** A curve rule in the reader's language; the graph's English text where the app has none. */
export function useRuleText() {
  const { t } = useTranslation();
  return (rule: string, message: string) => t(`curve.rule.${rule}`, { defaultValue: message });
}
