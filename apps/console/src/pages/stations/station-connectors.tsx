import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { CommandButton } from '../../components/command-button';
import { commandOutcome } from '../../components/command-outcome';
import { StatusBadge } from '../../components/status-badge';
import {
  ChangeAvailabilityDocument,
  RemoteStartDocument,
  SessionRowFragment,
  StartBadgesDocument,
  UnlockConnectorDocument,
} from '../../graphql/generated';
import { formatPower } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { StopSessionButton } from '../sessions/stop-session-button';
import type { StationDetail } from './station-page';

type Connector = StationDetail['connectors'][number];

export function StationConnectors({
  station,
  sessions,
}: {
  station: StationDetail;
  sessions: SessionRowFragment[];
}) {
  const { t, locale } = useI18n();
  const [starting, setStarting] = useState<number>();
  return (
    <section className="card" aria-labelledby="connectors-title">
      <h2 id="connectors-title">{t('station.connectors')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('sessions.connector')}</th>
            <th scope="col">{t('stations.status')}</th>
            <th scope="col">{t('station.type')}</th>
            <th scope="col">{t('station.maxPower')}</th>
            <th scope="col">{t('sessions.session')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {station.connectors.map((connector) => {
            const session = sessions.find((item) => item.connectorId === connector.connectorId);
            return (
              <tr key={connector.connectorId} data-connector-id={connector.connectorId}>
                <th scope="row">#{connector.connectorId}</th>
                <td>
                  <StatusBadge status={connector.status} />
                  {connector.errorCode && connector.errorCode !== 'NoError' && (
                    <span className="error"> {connector.errorCode}</span>
                  )}
                </td>
                <td>{connector.type ?? '–'}</td>
                <td>{formatPower(connector.maxPowerWatts, locale)}</td>
                <td>
                  {session ? <Link href={paths.session(session.id)}>{session.ocppTransactionId}</Link> : '–'}
                </td>
                <td className="actions">
                  {session?.canStop && <StopSessionButton sessionId={session.id} />}
                  {!session && station.canRemoteStart && (
                    <button
                      type="button"
                      aria-expanded={starting === connector.connectorId}
                      aria-label={t('station.startOn', { connector: connector.connectorId })}
                      onClick={() =>
                        setStarting(starting === connector.connectorId ? undefined : connector.connectorId)
                      }
                    >
                      {t('station.start')}
                    </button>
                  )}
                  {station.canCommand && <ConnectorCommands stationId={station.id} connector={connector} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {starting !== undefined && (
        <RemoteStartForm
          stationId={station.id}
          connectorId={starting}
          onDone={() => setStarting(undefined)}
        />
      )}
    </section>
  );
}

function ConnectorCommands({ stationId, connector }: { stationId: string; connector: Connector }) {
  const { t } = useI18n();
  const [, unlock] = useMutation(UnlockConnectorDocument);
  const [, changeAvailability] = useMutation(ChangeAvailabilityDocument);
  const unavailable = connector.status === 'Unavailable';
  return (
    <>
      <CommandButton
        label={t('station.unlockConnector', { connector: connector.connectorId })}
        run={async () =>
          commandOutcome(
            await unlock({ id: stationId, connectorId: connector.connectorId }),
            (data) => data.unlockConnector.status,
          )
        }
      >
        {t('station.unlock')}
      </CommandButton>
      <CommandButton
        label={t(unavailable ? 'station.makeAvailableConnector' : 'station.makeUnavailableConnector', {
          connector: connector.connectorId,
        })}
        run={async () =>
          commandOutcome(
            await changeAvailability({
              id: stationId,
              connectorId: connector.connectorId,
              type: unavailable ? 'OPERATIVE' : 'INOPERATIVE',
            }),
            (data) => data.changeAvailability.status,
          )
        }
      >
        {unavailable ? t('station.makeAvailable') : t('station.makeUnavailable')}
      </CommandButton>
    </>
  );
}

/** Remote start with a badge chosen among those the caller may use (drivers: their own). */
function RemoteStartForm({
  stationId,
  connectorId,
  onDone,
}: {
  stationId: string;
  connectorId: number;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [{ data }] = useQuery({ query: StartBadgesDocument, variables: { search: search || undefined } });
  const badges = (data?.tags.edges.map((edge) => edge.node) ?? []).filter((badge) => badge.active);
  const [tagId, setTagId] = useState('');
  const chosen = tagId || badges.find((badge) => badge.default)?.id || badges[0]?.id || '';
  const [, start] = useMutation(RemoteStartDocument);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = commandOutcome(
      await start({ id: stationId, connectorId, tagId: chosen }),
      (answer) => answer.remoteStartTransaction.status,
    );
    setOutcome(result);
    if (result.ok) window.setTimeout(onDone, 1500);
  };

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      aria-label={t('station.startOn', { connector: connectorId })}
    >
      <label>
        {t('station.findBadge')}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <label>
        {t('station.badge')}
        <select value={chosen} onChange={(e) => setTagId(e.target.value)} required>
          {badges.map((badge) => (
            <option key={badge.id} value={badge.id}>
              {badge.description ? `${badge.id} — ${badge.description}` : badge.id}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={!chosen}>
        {t('station.startConfirm', { connector: connectorId })}
      </button>
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
      <output aria-live="polite" className={outcome ? (outcome.ok ? 'ok' : 'error') : undefined}>
        {outcome?.text}
      </output>
    </form>
  );
}
