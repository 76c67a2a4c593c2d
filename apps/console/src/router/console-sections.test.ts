import { describe, expect, it } from 'vitest';
import { CONSOLE_SECTIONS } from './console-sections';
import { paths } from './link';

describe('console sections', () => {
  it('cover every page, so the server answers each deep link with the console', () => {
    const sections = new Set<string>(CONSOLE_SECTIONS);
    for (const path of Object.values(paths).map((to) => (typeof to === 'function' ? to('x') : to))) {
      expect([path, sections.has(path.split('/')[1])]).toEqual([path, true]);
    }
  });

  it('include the paths the notification emails link to', () => {
    const sections = new Set<string>(CONSOLE_SECTIONS);
    for (const path of [
      '/reset-password',
      '/verify-email',
      '/sessions/1',
      '/charging-stations/CS-1',
      '/users/u1',
    ]) {
      expect([path, sections.has(path.split('/')[1])]).toEqual([path, true]);
    }
  });
});
