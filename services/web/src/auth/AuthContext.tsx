import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { SessionInfo } from '../config';
import { currentUser, onUserChange } from './session';

interface AuthState {
  user: SessionInfo | null;
}

const Ctx = createContext<AuthState | null>(null);

/** `user`: who is signed in, where it is not this browser's session (the web server's render). */
export function AuthProvider({ children, user: given }: { children: ReactNode; user?: SessionInfo | null }) {
  const [user, setUser] = useState<SessionInfo | null>(given !== undefined ? given : currentUser());
  useEffect(() => onUserChange(setUser), []);
  return <Ctx.Provider value={{ user }}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
