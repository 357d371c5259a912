import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useMemo, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Route, Routes, StaticRouter } from 'react-router';
import { createApolloClient } from './apollo';
import { AuthProvider } from './auth/AuthContext';
import { RequireSession } from './auth/RequireSession';
import { LazyNotifications } from './components/LazyNotifications';
import { PageLoader } from './components/PageLoader';
import { Shell } from './components/Shell';
import type { Boot, SessionInfo } from './config';
import { cssVariablesResolver, theme } from './theme';

// Every screen is its own chunk: the first load carries only what the first screen needs (WEB.md).
const CitizenFeedback = lazy(() => import('./routes/citizen-feedback/CitizenFeedback'));
const SignInCallback = lazy(() => import('./routes/sign-in/SignInCallback'));
const Home = lazy(() => import('./routes/home/Home'));
const MyPlan = lazy(() => import('./routes/my-plan/MyPlan'));
const Realizations = lazy(() => import('./routes/realizations/Realizations'));
const MyEvaluations = lazy(() => import('./routes/my-evaluations/MyEvaluations'));
const GiveFeedback = lazy(() => import('./routes/give-feedback/GiveFeedback'));
const Team = lazy(() => import('./routes/team/Team'));
const ReviewPlan = lazy(() => import('./routes/team/ReviewPlan'));
const CascadeMap = lazy(() => import('./routes/team/CascadeMap'));
const EvaluationWorkspace = lazy(() => import('./routes/evaluation-workspace/EvaluationWorkspace'));
const UnitQrCodes = lazy(() => import('./routes/unit-qr/UnitQrCodes'));
const NotFound = lazy(() => import('./routes/not-found/NotFound'));

/**
 * What the web server's render of the home screen (src/entry-server.tsx) sets apart from the
 * browser's: the page's address instead of the browser's, its own Apollo client over the preloaded
 * data, and the home screen itself rather than its lazy chunk. The tree is otherwise the same, so
 * the browser hydrates the server's markup.
 */
export interface ServerRender {
  location: string;
  client: ApolloClient;
  session: SessionInfo;
  Home: ComponentType;
}

export function App({ boot, i18n, server }: { boot: Pick<Boot, 'graphqlUrl'>; i18n: I18n; server?: ServerRender }) {
  const client = useMemo(() => server?.client ?? createApolloClient(boot), [boot, server]);
  // On the server, the home screen itself: its lazy chunk would render the loader in its place.
  const HomeScreen = server?.Home ?? Home;
  const signedIn = (page: React.ReactNode) => (
    <RequireSession>
      <Shell>{page}</Shell>
    </RequireSession>
  );
  const screens = (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/umpan-balik/:unitCode" element={<CitizenFeedback />} />
        <Route path="/auth/callback" element={<SignInCallback />} />
        <Route path="/" element={signedIn(<HomeScreen />)} />
        <Route path="/skp" element={signedIn(<MyPlan />)} />
        <Route path="/realisasi" element={signedIn(<Realizations />)} />
        <Route path="/penilaian" element={signedIn(<MyEvaluations />)} />
        <Route path="/beri-umpan-balik" element={signedIn(<GiveFeedback />)} />
        <Route path="/tim" element={signedIn(<Team />)} />
        <Route path="/tim/skp/:planId" element={signedIn(<ReviewPlan />)} />
        <Route path="/tim/kaskade" element={signedIn(<CascadeMap />)} />
        <Route path="/tim/penilaian/:evaluationId" element={signedIn(<EvaluationWorkspace />)} />
        <Route path="/kode-qr" element={signedIn(<UnitQrCodes />)} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <LazyNotifications />
        <ApolloProvider client={client}>
          <AuthProvider user={server?.session}>
            {server ? <StaticRouter location={server.location}>{screens}</StaticRouter> : <BrowserRouter>{screens}</BrowserRouter>}
          </AuthProvider>
        </ApolloProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
