import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { createApolloClient } from './apollo';
import { AuthProvider } from './auth/AuthContext';
import { RequireSession } from './auth/RequireSession';
import { LazyNotifications } from './components/LazyNotifications';
import { PageLoader } from './components/PageLoader';
import { Shell } from './components/Shell';
import type { Boot } from './config';
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

export function App({ boot }: { boot: Pick<Boot, 'graphqlUrl'> }) {
  const client = useMemo(() => createApolloClient(boot), [boot]);
  const signedIn = (page: React.ReactNode) => (
    <RequireSession>
      <Shell>{page}</Shell>
    </RequireSession>
  );
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <LazyNotifications />
      <ApolloProvider client={client}>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<PageLoader />}>
              <Routes>
                <Route path="/umpan-balik/:unitCode" element={<CitizenFeedback />} />
                <Route path="/auth/callback" element={<SignInCallback />} />
                <Route path="/" element={signedIn(<Home />)} />
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
          </BrowserRouter>
        </AuthProvider>
      </ApolloProvider>
    </MantineProvider>
  );
}
