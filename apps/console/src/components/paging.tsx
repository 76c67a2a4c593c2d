import { useCallback, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export const PAGE_SIZE = 20;

/** Relay paging forward with `after`; the cursors of pages already seen let the user go back. */
export function usePaging() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const next = useCallback((endCursor: string | null) => {
    if (endCursor) setCursors((stack) => [...stack, endCursor]);
  }, []);
  const previous = useCallback(
    () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );
  const reset = useCallback(() => setCursors([null]), []);
  return { after, page: cursors.length, next, previous, reset };
}

interface PagerProps {
  paging: ReturnType<typeof usePaging>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
  totalCount: number | undefined;
  label: string;
}

export function Pager({ paging, pageInfo, totalCount, label }: PagerProps) {
  const { t } = useI18n();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={paging.previous} disabled={paging.page <= 1}>
        {t('paging.previous')}
      </button>
      <span aria-live="polite">{t('paging.status', { page: paging.page, total: totalCount ?? 0 })}</span>
      <button
        type="button"
        onClick={() => paging.next(pageInfo?.endCursor ?? null)}
        disabled={!pageInfo?.hasNextPage}
      >
        {t('paging.next')}
      </button>
    </nav>
  );
}
