import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { createInstance, type i18n as I18n } from 'i18next';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import en from '../locales/en.json';
import id from '../locales/id.json';
import { App } from './App';
import type { Boot } from './config';
import { HomeDocument } from './gql/graphql';
import type { Language } from './i18n';
import { primePreloaded } from './lib/preload';
import Home from './routes/home/Home';

/**
 * The home screen rendered by the web server (server/serve.mjs), so that on a slow network the
 * person reads their tasks, and follows them, as soon as the page arrives rather than after the
 * app's JavaScript (WEB.md "Principles": the home screen usable within 3 s on Slow 3G). Built by
 * `vite build --ssr` into dist-ssr/ as one self-contained module: the web image has no node_modules.
 * Only the home screen: it is the one a person opens every day, and the one the budget names.
 */

const texts: Record<Language, I18n> = { id: instance('id', id), en: instance('en', en) };

function instance(language: Language, translation: Record<string, unknown>): I18n {
  const i18n = createInstance();
  // Synchronous: the texts are here, nothing is fetched.
  void i18n.init({ resources: { [language]: { translation } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return i18n;
}

/** Longer than a render takes (about 50-100 ms); past it the page goes to the browser as before. */
const RENDER_DEADLINE_MS = 2_000;

/**
 * The markup of the home screen for a signed-in person whose home data the server already asked
 * the graph for (boot.preload), in their language; null when there is nothing to render (no
 * session, no data): the app then renders in the browser as before. Nothing here is shared between
 * renders: the person and their data go into this render's own Apollo cache and props (the
 * browser's module state, one person per browser, is never set), so renders for different people
 * may run at once.
 */
export async function renderHome(boot: Boot, language: Language): Promise<string | null> {
  const home = boot.preload.filter((p) => p.operationName === 'Home');
  if (!boot.session || home.length === 0) return null;
  const client = new ApolloClient({ ssrMode: true, link: ApolloLink.empty(), cache: new InMemoryCache() });
  for (const p of home) primePreloaded(client, HomeDocument, p.variables as { year: number }, [p]);
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <App boot={boot} i18n={texts[language]} server={{ location: '/', client, session: boot.session, Home }} />
    </StrictMode>,
    { signal: AbortSignal.timeout(RENDER_DEADLINE_MS) },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}
