import { useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { CommandButton } from '../../components/command-button';
import { errorMessage } from '../../components/query-state';
import { QueryState } from '../../components/query-state';
import {
  SmartChargingPlanDocument,
  SmartChargingPlanUpdatedDocument,
  SmartChargingPlanUpdatedSubscription,
  TriggerSmartChargingDocument,
  type SmartChargingPlanViewFragment,
} from '../../graphql/generated';
import { formatDateTime, formatPower } from '../../format/format';
import { useI18n } from '../../i18n/i18n';
import { Link, paths } from '../../router/link';
import { periodAt, sortedConnectors } from './connector-limit';

/**
 * Each connector's limit now and why ("limited by the fuse L2 of area Garage"), and whether its station
 * took the profile: `smartChargingPlan`, replaced by every `smartChargingPlanUpdated`.
 */
export function SmartChargingPlanSection({ siteAreaId, canPlan }: { siteAreaId: string; canPlan: boolean }) {
  const { t, locale } = useI18n();
  const [, trigger] = useMutation(TriggerSmartChargingDocument);
  const [triggered, setTriggered] = useState<SmartChargingPlanViewFragment>();
  const [queried] = useQuery({ query: SmartChargingPlanDocument, variables: { siteAreaId } });
  const [updated] = useSubscription<SmartChargingPlanUpdatedSubscription, SmartChargingPlanViewFragment>(
    { query: SmartChargingPlanUpdatedDocument, variables: { siteAreaId } },
    (_, event) => event.smartChargingPlanUpdated,
  );
  const plan = latestPlan([queried.data?.smartChargingPlan, updated.data, triggered]);
  const planNow = async () => {
    const result = await trigger({ siteAreaId });
    if (result.error) return { ok: false, text: errorMessage(result.error) ?? 'Error' };
    const computed = result.data?.triggerSmartCharging;
    setTriggered(computed);
    return { ok: true, text: t('plan.planned', { count: computed?.connectors.length ?? 0 }) };
  };
  const now = Date.now();
  const amps = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  return (
    <section className="card" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      {canPlan && <CommandButton run={planNow}>{t('plan.now')}</CommandButton>}
      <QueryState fetching={queried.fetching && !queried.data} error={queried.error} />
      {queried.data && !plan && <p className="muted">{t('plan.none')}</p>}
      {plan && (
        <>
          <p className="muted" data-testid="plan-computed-at">
            {t('plan.computedAt', { time: formatDateTime(plan.computedAt, locale) })}
          </p>
          <table className="data-table" aria-label={t('plan.title')}>
            <thead>
              <tr>
                <th scope="col">{t('plan.connector')}</th>
                <th scope="col">{t('plan.phases')}</th>
                <th scope="col">{t('plan.limit')}</th>
                <th scope="col">{t('plan.why')}</th>
                <th scope="col">{t('plan.delivery')}</th>
              </tr>
            </thead>
            <tbody>
              {sortedConnectors(plan.connectors).map((connector) => {
                const period = periodAt(connector.periods, now);
                const limit =
                  period?.limitAmps != null
                    ? `${amps.format(period.limitAmps)} A`
                    : formatPower(period?.limitWatts, locale);
                return (
                  <tr
                    key={`${connector.chargingStationId}/${connector.connectorId}`}
                    data-plan-connector={`${connector.chargingStationId}/${connector.connectorId}`}
                  >
                    <th scope="row">
                      <Link href={paths.station(connector.chargingStationId)}>
                        {connector.chargingStationId}
                      </Link>{' '}
                      #{connector.connectorId}
                    </th>
                    <td>{connector.gridPhases.map((phase) => `L${phase}`).join(' ') || '–'}</td>
                    <td>{limit}</td>
                    <td>
                      {connector.reasonCode ? t(`plan.reason.${connector.reasonCode}`) : '–'}
                      {connector.reason && <div className="muted">{connector.reason}</div>}
                    </td>
                    <td title={connector.deliveryDetail ?? undefined}>
                      {t(`plan.delivery.${connector.delivery}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {plan.connectors.length === 0 && <p className="muted">{t('plan.noConnectors')}</p>}
        </>
      )}
    </section>
  );
}

/** The newest of the plans the page knows (queried, announced, or just asked for). */
function latestPlan(
  plans: (SmartChargingPlanViewFragment | null | undefined)[],
): SmartChargingPlanViewFragment | undefined {
  let latest: SmartChargingPlanViewFragment | undefined;
  for (const plan of plans)
    if (plan && (!latest || Date.parse(plan.computedAt) > Date.parse(latest.computedAt))) latest = plan;
  return latest;
}
