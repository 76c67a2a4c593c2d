import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { CommandButton } from '../../components/command-button';
import { commandOutcome } from '../../components/command-outcome';
import {
  ClearStationCacheDocument,
  ClearStationLimitDocument,
  ResetStationDocument,
  SetStationLimitDocument,
} from '../../graphql/generated';
import { useI18n } from '../../i18n/i18n';
import type { StationDetail } from './station-page';

/** Station-wide commands: reset, clear cache, and a power limit on the whole station. */
export function StationActions({ station }: { station: StationDetail }) {
  const { t } = useI18n();
  const [, reset] = useMutation(ResetStationDocument);
  const [, clearCache] = useMutation(ClearStationCacheDocument);
  const [, setLimit] = useMutation(SetStationLimitDocument);
  const [, clearLimit] = useMutation(ClearStationLimitDocument);
  const [limitKw, setLimitKw] = useState('');
  const [limitOutcome, setLimitOutcome] = useState<{ ok: boolean; text: string }>();

  const applyLimit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await setLimit({
      id: station.id,
      connectorId: 0,
      limit: Number(limitKw) * 1000,
      unit: 'W',
    });
    setLimitOutcome(
      commandOutcome(result, (data) =>
        [data.setChargingStationLimit.status, data.setChargingStationLimit.reason].filter(Boolean).join(': '),
      ),
    );
  };

  return (
    <section className="card" aria-labelledby="commands-title">
      <h2 id="commands-title">{t('station.commands')}</h2>
      <div className="button-row">
        <CommandButton
          run={async () =>
            commandOutcome(await reset({ id: station.id, type: 'SOFT' }), (d) => d.reset.status)
          }
        >
          {t('station.softReset')}
        </CommandButton>
        <CommandButton
          className="danger"
          confirm={t('station.confirmHardReset', { id: station.id })}
          run={async () =>
            commandOutcome(await reset({ id: station.id, type: 'HARD' }), (d) => d.reset.status)
          }
        >
          {t('station.hardReset')}
        </CommandButton>
        <CommandButton
          run={async () => commandOutcome(await clearCache({ id: station.id }), (d) => d.clearCache.status)}
        >
          {t('station.clearCache')}
        </CommandButton>
      </div>
      <form
        className="inline-form"
        onSubmit={(event) => void applyLimit(event)}
        aria-label={t('station.limit')}
      >
        <label>
          {t('station.limitKw')}
          <input
            type="number"
            min="0"
            step="0.1"
            required
            value={limitKw}
            onChange={(e) => setLimitKw(e.target.value)}
          />
        </label>
        <button type="submit">{t('station.setLimit')}</button>
        <CommandButton
          run={async () =>
            commandOutcome(
              await clearLimit({ id: station.id, connectorId: 0 }),
              (d) => d.clearChargingStationLimit.status,
            )
          }
        >
          {t('station.clearLimit')}
        </CommandButton>
        <output aria-live="polite" className={limitOutcome ? (limitOutcome.ok ? 'ok' : 'error') : undefined}>
          {limitOutcome?.text}
        </output>
      </form>
    </section>
  );
}
