import { useSyncExternalStore } from 'react';

/** Who is signed in: the bearer token from `login` and the tenant it belongs to, kept across reloads. */
export interface Session {
  token: string;
  tenant: string;
  expiresAt: number;
  userId: string;
  role: string;
}

const STORAGE_KEY = 'voltgrid.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const session = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  if (current && current.expiresAt <= Date.now()) setSession(null);
  return current;
}

export function useSession(): Session | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** Roles that run the tenant (the API decides; this only chooses which pages to offer). */
export function isAdmin(session: Session | null): boolean {
  return session?.role === 'ADMIN' || session?.role === 'SUPER_ADMIN';
}

/** Super admins run tenants: they see stations, not drivers' sessions (the API refuses them). */
export function maySeeSessions(session: Session | null): boolean {
  return session !== null && session.role !== 'SUPER_ADMIN';
}
