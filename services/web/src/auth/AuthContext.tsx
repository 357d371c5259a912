import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../config';
import { currentUser, onUserChange } from './session';

interface AuthState {
  user: SessionInfo | null;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionInfo | null>(currentUser());
  useEffect(() => onUserChange(setUser), []);
  return <Ctx.Provider value={{ user }}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
