import { useMemo } from 'react';
import { useQuery, useSubscription } from 'urql';
import { uniqueByTime } from '../../charts/curve-data';
import { LoadPoint, phaseLoads } from '../../charts/load-data';
import { SiteAreaLoadChart } from '../../charts/site-area-load-chart';
import { QueryState } from '../../components/query-state';
import {
  SiteAreaLoadsDocument,
  SiteAreaLoadUpdatedDocument,
  SiteAreaLoadUpdatedSubscription,
  type SiteAreaQuery,
} from '../../graphql/generated';
import { formatPower, formatTime } from '../../format/format';
import { useI18n } from '../../i18n/i18n';

type SiteArea = NonNullable<SiteAreaQuery['siteArea']>;

/** The last hour is what an operator watches; the API keeps the longer curve. */
const HISTORY_MS = 3_600_000;
const HISTORY_POINTS = 1_000;
/** Above this share of its fuse a phase is shown as near its limit. */
const NEAR_FUSE = 0.9;

/** The area's fuse per phase in A: set directly, or derived from its power, voltage and phases. */
export function fuseAmps(area: SiteArea): number | null {
  if (area.maximumCurrentAmps) return area.maximumCurrentAmps;
  if (area.maximumPowerWatts && area.voltage && area.numberOfPhases)
    return area.maximumPowerWatts / area.voltage / area.numberOfPhases;
  return null;
}

/** What the area's supply delivers, W: set directly, or its fuse on every phase at its voltage. */
function supplyWatts(area: SiteArea, fuse: number | null): number | null {
  if (area.maximumPowerWatts) return area.maximumPowerWatts;
  return fuse && area.voltage ? fuse * area.voltage * (area.numberOfPhases ?? 3) : null;
}

/**
 * The area's live load per phase (its sub-areas included) against its fuse, split into charging and
 * assets: the last hour from `siteAreaLoads`, then each point `siteAreaLoadUpdated` brings.
 */
export function SiteAreaLoadSection({ siteArea, theme }: { siteArea: SiteArea; theme: string }) {
  const { t, locale } = useI18n();
  const from = useMemo(() => new Date(Date.now() - HISTORY_MS).toISOString(), []);
  const [history] = useQuery({
    query: SiteAreaLoadsDocument,
    variables: { siteAreaId: siteArea.id, from, limit: HISTORY_POINTS },
  });
  const [live] = useSubscription<SiteAreaLoadUpdatedSubscription, LoadPoint[]>(
    { query: SiteAreaLoadUpdatedDocument, variables: { siteAreaId: siteArea.id } },
    (points = [], event) => [...points, event.siteAreaLoadUpdated],
  );
  const points = useMemo(
    () => uniqueByTime([...(history.data?.siteAreaLoads ?? []), ...(live.data ?? [])]),
    [history.data, live.data],
  );
  const fuse = fuseAmps(siteArea);
  const latest = points[points.length - 1];
  const amps = (value: number | null) =>
    value === null
      ? '–'
      : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value)} A`;

  return (
    <section className="card" aria-labelledby="load-title">
      <h2 id="load-title">{t('load.title')}</h2>
      <p>
        {t('load.supply', {
          power: formatPower(supplyWatts(siteArea, fuse), locale),
          amps: amps(fuse),
        })}
      </p>
      <QueryState fetching={history.fetching && !history.data} error={history.error} />
      {!latest && !history.fetching && (
        <p className="muted">{siteArea.smartCharging ? t('load.pending') : t('load.off')}</p>
      )}
      {latest && (
        <>
          <table className="data-table" aria-label={t('load.phases')}>
            <thead>
              <tr>
                <th scope="col">{t('load.phase')}</th>
                <th scope="col">{t('load.now')}</th>
                <th scope="col">{t('load.fuse')}</th>
                <th scope="col">{t('load.usage')}</th>
                <th scope="col">{t('load.charging')}</th>
                <th scope="col">{t('load.assets')}</th>
              </tr>
            </thead>
            <tbody>
              {phaseLoads(latest, siteArea.numberOfPhases ?? 3, fuse).map((phase) => {
                const name = t('load.phaseName', { phase: phase.phase });
                const near = phase.usage !== null && phase.usage > NEAR_FUSE;
                return (
                  <tr key={phase.phase} data-phase={phase.phase}>
                    <th scope="row">{name}</th>
                    <td data-testid={`load-L${phase.phase}`} className={near ? 'phase-over' : undefined}>
                      {amps(phase.amps)}
                    </td>
                    <td>{amps(phase.limitAmps)}</td>
                    <td>
                      {phase.limitAmps ? (
                        <meter
                          className="phase-meter"
                          min={0}
                          max={phase.limitAmps}
                          high={phase.limitAmps * NEAR_FUSE}
                          optimum={0}
                          value={Math.max(0, phase.amps)}
                          aria-label={t('load.meter', { phase: name })}
                        />
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{amps(phase.chargingAmps)}</td>
                    <td>{amps(phase.assetAmps)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <figure>
            <SiteAreaLoadChart points={points} theme={theme} />
            <figcaption className="muted" data-load-point-count={points.length}>
              {t('load.caption', { count: points.length, time: formatTime(latest.timestamp, locale) })}
            </figcaption>
          </figure>
        </>
      )}
    </section>
  );
}
