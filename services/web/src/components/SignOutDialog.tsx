import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks before signing out (the session ends at the identity service too). Its own chunk: not in the first load. */
export default function SignOutDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => Promise<void> }) {
  const { t } = useTranslation();
  const [leaving, setLeaving] = useState(false);
  return (
    <Modal opened onClose={onCancel} title={t('signOut.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('signOut.text')}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
          <Button color="red" loading={leaving} onClick={() => { setLeaving(true); void onConfirm().catch(() => setLeaving(false)); }}>
            {t('signOut.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
