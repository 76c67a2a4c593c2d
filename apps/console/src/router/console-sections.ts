/**
 * The first path segment of every console page. The server answers these paths (and `/`) with the
 * console, so deep links and the links in emails open it; every other path stays the server's.
 */
export const CONSOLE_SECTIONS = [
  'stations',
  'charging-stations',
  'sessions',
  'organizations',
  'users',
  'badges',
  'sign-in',
  'forgot-password',
  'reset-password',
  'verify-email',
] as const;
