import { Burger, Button, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { signingOut } from '../auth/session';
import { LanguageToggle } from './LanguageToggle';
import './shell.css';

const LINKS = [
  { to: '/', key: 'nav.home' },
  { to: '/skp', key: 'nav.myPlan' },
  { to: '/realisasi', key: 'nav.realizations' },
  { to: '/penilaian', key: 'nav.myEvaluations' },
  { to: '/beri-umpan-balik', key: 'nav.giveFeedback' },
  { to: '/tim', key: 'nav.team' },
  { to: '/kode-qr', key: 'nav.qr' },
];

/**
 * The frame of every signed-in screen: a burger menu on phones, a side bar from 62em up. Laid out by
 * shell.css rather than Mantine's AppShell: the frame is on the first screen's critical path, and
 * AppShell with its transitions and scroll lock weighed about 9 kB gzip of the 200 kB budget
 * (WEB.md "Principles", bench/web.mjs).
 */
export function Shell({ children }: { children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const name = user?.name ?? '';
  // The frame answers clicks from here on (after hydration of a server-rendered page): what the
  // bench (bench/web.mjs) and the browser tests wait for before they click a button.
  useEffect(() => {
    document.documentElement.dataset.interactive = 'true';
  }, []);
  useEffect(() => {
    if (!opened) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened, close]);
  return (
    <div className="kj-shell" data-menu-open={opened || undefined}>
      <header className="kj-shell-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} aria-expanded={opened} aria-controls="kj-shell-nav" />
            <Text fw={700} component={Link} to="/" c="teal.9" style={{ textDecoration: 'none' }}>
              Kinerja
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageToggle />
          </Group>
        </Group>
      </header>
      <nav id="kj-shell-nav" className="kj-shell-nav" aria-label={t('nav.main')}>
        <div className="kj-shell-links">
          {LINKS.map((l) => (
            <NavLink key={l.to} component={Link} to={l.to} label={t(l.key)} active={location.pathname === l.to} aria-current={location.pathname === l.to ? 'page' : undefined} onClick={close} />
          ))}
        </div>
        <Stack gap={4} p="xs">
          {name && (
            <Text size="sm" c="dimmed">
              <VisuallyHidden>{t('nav.signedInAs')} </VisuallyHidden>
              {name}
            </Text>
          )}
          {/* The identity service asks to confirm ("Ya, keluar") and ends its session too. */}
          <form method="post" action="/auth/logout" onSubmit={signingOut}>
            <Button type="submit" variant="light" color="gray" fullWidth>
              {t('nav.signOut')}
            </Button>
          </form>
        </Stack>
      </nav>
      <main className="kj-shell-main">{children}</main>
    </div>
  );
}
