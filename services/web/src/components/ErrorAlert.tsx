import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError, isConflict } from '../lib/errors';

/**
 * A graph error as a sentence in the reader's language. A stale version (CONFLICT) offers to
 * reload the record: what the reader typed is kept by the form's draft (useDraft).
 */
export function ErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const conflict = isConflict(error);
  return (
    <Alert color={conflict ? 'yellow' : 'red'} title={conflict ? t('errors.conflictTitle') : t('errors.title')} role="alert">
      <Text size="sm">{describeError(error, t, i18n.language)}</Text>
      {conflict && onReload && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="dark" onClick={onReload}>
            {t('errors.reload')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
