import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadConfig } from './config';
import { initI18n } from './i18n';

async function boot() {
  const [config] = await Promise.all([loadConfig(), initI18n()]);
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

boot().catch((error: unknown) => {
  // Before React and i18n exist: a plain, bilingual sentence, set as text.
  const root = document.getElementById('root');
  if (root) root.textContent = 'Aplikasi tidak dapat dimuat; coba muat ulang halaman. (The app could not load; try reloading the page.)';
  throw error;
});
