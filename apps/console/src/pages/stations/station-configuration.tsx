import { useState } from 'react';
import { useMutation } from 'urql';
import { CommandButton } from '../../components/command-button';
import { commandOutcome } from '../../components/command-outcome';
import { errorMessage } from '../../components/query-state';
import {
  ChangeConfigurationDocument,
  StationConfigurationDocument,
  StationConfigurationMutation,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';

type ConfigurationKey = StationConfigurationMutation['getConfiguration'][number];

/** The station's configuration keys, read from the station on demand; writable ones can be changed. */
export function StationConfiguration({ stationId }: { stationId: string }) {
  const { t } = useI18n();
  const [, read] = useMutation(StationConfigurationDocument);
  const [keys, setKeys] = useState<ConfigurationKey[]>();
  const [filter, setFilter] = useState('');

  const load = async () => {
    const result = await read({ id: stationId });
    if (result.data) setKeys(result.data.getConfiguration);
    return result.error
      ? { ok: false, text: errorMessage(result.error) ?? '' }
      : { ok: true, text: t('station.keysRead', { count: result.data?.getConfiguration.length ?? 0 }) };
  };

  const shown = keys?.filter((key) => key.key.toLowerCase().includes(filter.toLowerCase()));
  return (
    <section className="card" aria-labelledby="configuration-title">
      <h2 id="configuration-title">{t('station.configuration')}</h2>
      <div className="button-row">
        <CommandButton run={load}>{t('station.readConfiguration')}</CommandButton>
        {keys && (
          <label>
            {t('common.search')}
            <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </label>
        )}
      </div>
      {shown && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('station.key')}</th>
              <th scope="col">{t('station.value')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((key) => (
              <tr key={key.key}>
                <th scope="row">{key.key}</th>
                <td>
                  {key.readonly ? (
                    <span>
                      {key.value ?? ''} <span className="muted">({t('station.readonly')})</span>
                    </span>
                  ) : (
                    <EditableValue stationId={stationId} entry={key} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EditableValue({ stationId, entry }: { stationId: string; entry: ConfigurationKey }) {
  const { t } = useI18n();
  const [value, setValue] = useState(entry.value ?? '');
  const [, change] = useMutation(ChangeConfigurationDocument);
  return (
    <span className="inline-form">
      <input aria-label={entry.key} value={value} onChange={(e) => setValue(e.target.value)} />
      <CommandButton
        label={t('station.saveKey', { key: entry.key })}
        run={async () =>
          commandOutcome(
            await change({ id: stationId, key: entry.key, value }),
            (d) => d.changeConfiguration.status,
          )
        }
      >
        {t('common.save')}
      </CommandButton>
    </span>
  );
}
