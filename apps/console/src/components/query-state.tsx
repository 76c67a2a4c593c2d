import type { CombinedError } from '@urql/core';
import { useI18n } from '../i18n/i18n';

/** The message of a failed GraphQL operation, as the API worded it. */
export function errorMessage(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  return error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
}

export function QueryState({ fetching, error }: { fetching: boolean; error?: CombinedError }) {
  const { t } = useI18n();
  if (error) {
    return (
      <p role="alert" className="error">
        {errorMessage(error)}
      </p>
    );
  }
  if (fetching) return <p className="muted">{t('common.loading')}</p>;
  return null;
}
