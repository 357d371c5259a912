import './mantine-styles';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import { startSession } from './auth/session';
import { loadBoot } from './config';
import { setPreloaded } from './lib/preload';
import { initI18n } from './i18n';

async function boot() {
  const [boot, i18n] = await Promise.all([loadBoot(), initI18n()]);
  startSession(boot.session);
  setPreloaded(boot.preload);
  const root = document.getElementById('root') as HTMLElement;
  const app = (
    <StrictMode>
      <App boot={boot} i18n={i18n} />
    </StrictMode>
  );
  // The home screen comes rendered by the web server (src/entry-server.tsx): readable, and its links
  // working, before this script arrives on a slow network; React takes over the same markup.
  if (root.hasAttribute('data-server-rendered')) hydrateRoot(root, app);
  else createRoot(root).render(app);
}

boot().catch((error: unknown) => {
  // Before React and i18n exist: a plain, bilingual sentence, set as text.
  const root = document.getElementById('root');
  if (root) root.textContent = 'Aplikasi tidak dapat dimuat; coba muat ulang halaman. (The app could not load; try reloading the page.)';
  throw error;
});
