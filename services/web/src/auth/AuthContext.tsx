import type { User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config';
import { currentUser, onUserChange } from './session';

interface AuthState {
  config: RuntimeConfig;
  user: User | null;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(currentUser());
  useEffect(() => onUserChange(setUser), []);
  return <Ctx.Provider value={{ config, user }}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
