import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Pager, usePaging } from './paging';

function Harness({ pages }: { pages: string[] }) {
  const paging = usePaging();
  const index = paging.page - 1;
  return (
    <I18nProvider initial="en">
      <p data-testid="after">{paging.after ?? 'start'}</p>
      <Pager
        paging={paging}
        pageInfo={{ hasNextPage: index < pages.length - 1, endCursor: pages[index] }}
        totalCount={pages.length * 20}
        label="Stations"
      />
    </I18nProvider>
  );
}

describe('Pager', () => {
  it('pages forward with each endCursor and back through the cursors already seen', () => {
    render(<Harness pages={['c1', 'c2', 'c3']} />);
    const previous = screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page' });
    const next = screen.getByRole<HTMLButtonElement>('button', { name: 'Next page' });
    expect(previous.disabled).toBe(true);
    fireEvent.click(next);
    fireEvent.click(next);
    expect(screen.getByTestId('after').textContent).toBe('c2');
    expect(next.disabled).toBe(true);
    expect(screen.getByText('Page 3 · 60 in all')).toBeTruthy();
    fireEvent.click(previous);
    expect(screen.getByTestId('after').textContent).toBe('c1');
  });
});
