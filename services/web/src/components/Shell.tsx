import { AppShell, Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { signOut } from '../auth/session';
import { LanguageToggle } from './LanguageToggle';

const LINKS = [
  { to: '/', key: 'nav.home' },
  { to: '/skp', key: 'nav.myPlan' },
  { to: '/realisasi', key: 'nav.realizations' },
  { to: '/penilaian', key: 'nav.myEvaluations' },
  { to: '/beri-umpan-balik', key: 'nav.giveFeedback' },
  { to: '/tim', key: 'nav.team' },
  { to: '/kode-qr', key: 'nav.qr' },
];

/** The frame of every signed-in screen: a burger menu on phones, a side bar from 48em up. */
export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const name = user?.name ?? '';
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'md', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} />
            <Text fw={700} component={Link} to="/" c="teal.9" style={{ textDecoration: 'none' }}>
              Kinerja
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {LINKS.map((l) => (
            <NavLink key={l.to} component={Link} to={l.to} label={t(l.key)} active={location.pathname === l.to} onClick={close} />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={4} p="xs">
            {name && (
              <Text size="sm" c="dimmed">
                <VisuallyHidden>{t('nav.signedInAs')} </VisuallyHidden>
                {name}
              </Text>
            )}
            {/* The identity service asks to confirm ("Ya, keluar") and ends its session too. */}
            <Button variant="light" color="gray" onClick={signOut}>
              {t('nav.signOut')}
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
