import type { SiteAreaQuery } from '../../graphql/generated';
import { formatPower } from '../../format/format';
import { useI18n } from '../../i18n/i18n';

type SiteArea = NonNullable<SiteAreaQuery['siteArea']>;

/**
 * The area's supply against its fuse. The live load per phase (`siteAreaLoadUpdated`) arrives with
 * smart charging; until the API has it, this shows the limit the area is sized for.
 */
export function SiteAreaLoadSection({ siteArea }: { siteArea: SiteArea }) {
  const { t, locale } = useI18n();
  const amps =
    siteArea.maximumPowerWatts && siteArea.voltage && siteArea.numberOfPhases
      ? siteArea.maximumPowerWatts / siteArea.voltage / siteArea.numberOfPhases
      : undefined;
  return (
    <section className="card" aria-labelledby="load-title">
      <h2 id="load-title">{t('load.title')}</h2>
      <p>
        {t('load.supply', {
          power: formatPower(siteArea.maximumPowerWatts, locale),
          amps: amps === undefined ? '–' : `${Math.round(amps)} A`,
        })}
      </p>
      <p className="muted">{t('load.pending')}</p>
    </section>
  );
}
