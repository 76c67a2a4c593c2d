import { GraphQLClient } from '../../support/graphql-client';
import { Localstripe } from '../../support/localstripe';
import { PythonStation } from '../../support/python-station';

/** Creates a tariff and makes it the tenant's (every station, every driver). */
export async function applyTenantTariff(
  admin: GraphQLClient,
  tariff: Record<string, unknown>,
): Promise<void> {
  const { createTariff } = await admin.data<{ createTariff: { id: string } }>(
    'mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }',
    { input: tariff },
  );
  await admin.data('mutation($input: AssignTariffInput!) { assignTariff(input: $input) { id } }', {
    input: { tariffId: createTariff.id, level: 'TENANT' },
  });
}

const SETUP = 'mutation { billingSetupPaymentMethod { clientSecret } }';
const ATTACH =
  'mutation($id: ID!) { billingAttachPaymentMethod(paymentMethodId: $id) { id isDefault last4 } }';

/** Adds a card the way a frontend does: a SetupIntent, Stripe.js collects the card, then attach. */
export async function addCard(
  driver: GraphQLClient,
  stripe: Localstripe,
  secretKey: string,
  number: string,
): Promise<{ id: string; isDefault: boolean; last4: string }> {
  await driver.data(SETUP);
  const paymentMethodId = await stripe.collectCard(secretKey, number);
  const { billingAttachPaymentMethod } = await driver.data<{
    billingAttachPaymentMethod: { id: string; isDefault: boolean; last4: string };
  }>(ATTACH, { id: paymentMethodId });
  return billingAttachPaymentMethod;
}

/**
 * Runs a whole session at the ocpp16_billing_station.py peer; resolves with the server's
 * transaction id ('' when the station was refused).
 */
export async function chargeSession(
  station: PythonStation,
  admin: GraphQLClient,
  stationId: string,
  session: { tag: string; minutes: number; energyWh: number },
): Promise<{ status: string; transactionId: string }> {
  station.send(`session ${session.tag} ${session.minutes} ${session.energyWh}`);
  const started = await station.next();
  if (started.event !== 'started')
    throw new Error(`Expected the session to start: ${JSON.stringify(started)}`);
  if (started.status !== 'Accepted') return { status: started.status ?? '', transactionId: '' };
  const stopped = await station.next();
  if (stopped.event !== 'stopped')
    throw new Error(`Expected the session to stop: ${JSON.stringify(stopped)}`);
  const { transactions } = await admin.data<{
    transactions: { edges: { node: { id: string; ocppTransactionId: string } }[] };
  }>(
    'query($id: ID) { transactions(filter: { chargingStationId: $id }, first: 50) { edges { node { id ocppTransactionId } } } }',
    { id: stationId },
  );
  const found = transactions.edges.find(
    (edge) => edge.node.ocppTransactionId === String(started.transactionId),
  );
  if (!found) throw new Error(`Transaction ${String(started.transactionId)} not listed`);
  return { status: started.status, transactionId: found.node.id };
}
