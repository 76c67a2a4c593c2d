import { useSyncExternalStore } from 'react';

/** A small history router: the console has a handful of routes, and deep links must load any of them. */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  window.scrollTo?.(0, 0);
}

function currentPath(): string {
  return window.location.pathname + window.location.search;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
}

let cached: { key: string; location: Location } | undefined;

function snapshot(): Location {
  const key = currentPath();
  if (cached?.key !== key) {
    cached = {
      key,
      location: { pathname: window.location.pathname, search: new URLSearchParams(window.location.search) },
    };
  }
  return cached.location;
}

export function useLocation(): Location {
  return useSyncExternalStore(subscribe, snapshot);
}

/** Parameters of `pattern` (`/stations/:id`) when `pathname` matches it, decoded; null otherwise. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < want.length; index += 1) {
    if (want[index].startsWith(':')) params[want[index].slice(1)] = decodeURIComponent(have[index]);
    else if (want[index] !== have[index]) return null;
  }
  return params;
}

/** Replaces the query string of the current page (filters, paging) without a new history entry. */
export function setSearchParams(values: Record<string, string | undefined>): void {
  const search = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === '') search.delete(key);
    else search.set(key, value);
  }
  const query = search.toString();
  navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, { replace: true });
}
