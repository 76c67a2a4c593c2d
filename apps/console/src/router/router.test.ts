import { describe, expect, it } from 'vitest';
import { matchRoute, navigate } from './router';

describe('router', () => {
  it('matches deep links and decodes their parameters', () => {
    expect(matchRoute('/stations/:id', '/stations/CS%2F1')).toEqual({ id: 'CS/1' });
    expect(matchRoute('/stations/:id', '/stations/CS-1/')).toEqual({ id: 'CS-1' });
    expect(matchRoute('/stations/:id', '/stations')).toBeNull();
    expect(matchRoute('/sessions/:id', '/stations/CS-1')).toBeNull();
  });

  it('navigates with the history API', () => {
    navigate('/sessions?state=active');
    expect(window.location.pathname + window.location.search).toBe('/sessions?state=active');
  });
});
