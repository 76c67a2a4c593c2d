import { useI18n } from '../i18n/i18n';
import { usePaging } from './paging';

interface SearchFormProps {
  /** The accessible name of the search landmark. */
  label: string;
  value: string;
  onChange: (value: string) => void;
  paging: ReturnType<typeof usePaging>;
}

/** A list's search box: a new search starts again from the first page. */
export function SearchForm({ label, value, onChange, paging }: SearchFormProps) {
  const { t } = useI18n();
  return (
    <form className="filters" role="search" aria-label={label} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('common.search')}
        <input
          type="search"
          value={value}
          onChange={(e) => {
            paging.reset();
            onChange(e.target.value);
          }}
        />
      </label>
    </form>
  );
}
