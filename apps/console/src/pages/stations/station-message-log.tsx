import { useQuery } from 'urql';
import { Pager, usePaging } from '../../components/paging';
import { QueryState } from '../../components/query-state';
import { StationMessagesDocument } from '../../graphql/generated';
import { formatDateTime } from '../../format/format';
import { useI18n } from '../../i18n/i18n';

/** The station's OCPP calls with their answers, newest first, a page at a time. */
export function StationMessageLog({ stationId }: { stationId: string }) {
  const { t, locale } = useI18n();
  const paging = usePaging();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: StationMessagesDocument,
    variables: { id: stationId, first: 25, after: paging.after },
  });
  const messages = data?.ocppMessages.edges.map((edge) => edge.node) ?? [];
  return (
    <section className="card" aria-labelledby="log-title">
      <header className="page-header">
        <h2 id="log-title">{t('station.log')}</h2>
        <button
          type="button"
          onClick={() => {
            paging.reset();
            refresh({ requestPolicy: 'network-only' });
          }}
        >
          {t('common.refresh')}
        </button>
      </header>
      <QueryState fetching={fetching && !data} error={error} />
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('log.time')}</th>
            <th scope="col">{t('log.direction')}</th>
            <th scope="col">{t('log.action')}</th>
            <th scope="col">{t('log.outcome')}</th>
            <th scope="col">{t('log.latency')}</th>
            <th scope="col">{t('log.size')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <td>{formatDateTime(message.timestamp, locale)}</td>
              <td>{message.direction === 'IN' ? t('log.fromStation') : t('log.toStation')}</td>
              <th scope="row">
                {message.action ?? message.messageType}
                {/* A run of routine calls is one row: how many it stands for. */}
                {message.count > 1 ? ` × ${message.count}` : ''}
              </th>
              <td className={message.answerType === 'CALLERROR' ? 'error' : undefined}>
                {message.errorCode ?? message.answerType ?? t('log.noAnswer')}
              </td>
              <td>{message.latencyMs === null ? '–' : `${message.latencyMs} ms`}</td>
              <td>{message.sizeBytes} B</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        paging={paging}
        pageInfo={data?.ocppMessages.pageInfo}
        totalCount={data?.ocppMessages.totalCount}
        label={t('station.log')}
      />
    </section>
  );
}
