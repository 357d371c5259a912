import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startSession } from './auth/session';
import { loadBoot } from './config';
import { setPreloaded } from './lib/preload';
import { initI18n } from './i18n';

async function boot() {
  const [boot] = await Promise.all([loadBoot(), initI18n()]);
  startSession(boot.session);
  setPreloaded(boot.preload);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App boot={boot} />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  // Before React and i18n exist: a plain, bilingual sentence, set as text.
  const root = document.getElementById('root');
  if (root) root.textContent = 'Aplikasi tidak dapat dimuat; coba muat ulang halaman. (The app could not load; try reloading the page.)';
  throw error;
});
