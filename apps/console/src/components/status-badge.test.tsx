import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { OnlineBadge, StatusBadge } from './status-badge';

describe('status badges', () => {
  it('always say the status in words, so colour is never the only cue', () => {
    render(
      <I18nProvider initial="en">
        <StatusBadge status="Faulted" label="#2" />
        <OnlineBadge online={false} />
      </I18nProvider>,
    );
    expect(screen.getByText('#2: Faulted').className).toContain('badge-error');
    expect(screen.getByText('Offline')).toBeTruthy();
  });

  it('show a dash when a station has not reported a status', () => {
    const { container } = render(<StatusBadge status={null} />);
    expect(container.textContent).toBe('–');
  });
});
