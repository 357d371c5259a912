import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { NONE: 'gray', DRAFT: 'yellow', SUBMITTED: 'blue', APPROVED: 'teal', RETURNED: 'orange' };

/** NONE: no SKP created yet (one of the supervisor's four states). */
export function PlanStatusBadge({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  const s = status ?? 'NONE';
  return (
    <Badge color={COLORS[s] ?? 'gray'} variant="light" autoContrast>
      {t(`plan.status.${s}`)}
    </Badge>
  );
}
