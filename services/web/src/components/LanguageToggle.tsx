import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

const CHOICES: Array<{ value: Language; label: string; name: string }> = [
  { value: 'id', label: 'ID', name: 'Bahasa Indonesia' },
  { value: 'en', label: 'EN', name: 'English' },
];

/** Bahasa Indonesia first; English as a toggle (WEB.md "Principles"). */
export function LanguageToggle() {
  const { i18n, t } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Group gap={0} role="group" aria-label={t('common.language')}>
      {CHOICES.map((c) => (
        <Button
          key={c.value}
          size="compact-sm"
          variant={current === c.value ? 'filled' : 'default'}
          aria-pressed={current === c.value}
          aria-label={c.name}
          lang={c.value}
          onClick={() => void setLanguage(c.value)}
          radius={0}
        >
          {c.label}
        </Button>
      ))}
    </Group>
  );
}
