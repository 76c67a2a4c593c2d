import { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './router';

/** An anchor that navigates inside the app (and still opens in a new tab with a modifier key). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}

export const paths = {
  stations: '/stations',
  station: (id: string) => `/stations/${encodeURIComponent(id)}`,
  sessions: '/sessions',
  session: (id: string) => `/sessions/${encodeURIComponent(id)}`,
  organizations: '/organizations',
  company: (id: string) => `/organizations/companies/${encodeURIComponent(id)}`,
  site: (id: string) => `/organizations/sites/${encodeURIComponent(id)}`,
  siteArea: (id: string) => `/organizations/site-areas/${encodeURIComponent(id)}`,
  users: '/users',
  badges: '/badges',
  signIn: '/sign-in',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  verifyEmail: '/verify-email',
};
