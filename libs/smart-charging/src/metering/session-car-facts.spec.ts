import { TenantId, asTenantId } from '@csms/common';
import { CarFacts, SessionCarStateOfCharge, SessionRef } from '../ports/session-car.port';
import { MeteredSessionCars } from './metered-session-cars';
import { SessionCarFacts } from './session-car-facts';

describe('SessionCarFacts', () => {
  const tenantId = asTenantId('t1');
  const session = (transactionId: string): SessionRef => ({
    transactionId,
    chargingStationId: 'CS',
    connectorId: 1,
    startedAt: new Date(0),
  });

  /** The meter values tell the station's state of charge of some sessions. */
  const metered = (facts: Record<string, CarFacts>) =>
    ({
      factsOf: (_tenant: TenantId, sessions: readonly SessionRef[]) =>
        Promise.resolve(new Map(sessions.map((ref) => [ref.transactionId, { ...facts[ref.transactionId] }]))),
    }) as unknown as MeteredSessionCars;

  it('takes the car’s own state of charge only where the station reports none', async () => {
    const asked: string[][] = [];
    const carSoc: SessionCarStateOfCharge = {
      stateOfChargeOf: (_tenant, ids) => {
        asked.push([...ids]);
        return Promise.resolve(new Map(ids.map((id) => [id, 42])));
      },
    };
    const facts = await new SessionCarFacts(
      metered({ dc: { stateOfCharge: 80 }, ac: { measuredAmps: 16 } }),
      undefined,
      carSoc,
    ).factsOf(tenantId, [session('dc'), session('ac')]);
    expect(asked).toEqual([['ac']]);
    expect(facts.get('dc')?.stateOfCharge).toBe(80);
    expect(facts.get('ac')).toEqual({ measuredAmps: 16, stateOfCharge: 42 });
  });

  it('plans from the meter values alone without a car-data provider', async () => {
    const facts = await new SessionCarFacts(metered({ ac: { measuredAmps: 16 } })).factsOf(tenantId, [
      session('ac'),
    ]);
    expect(facts.get('ac')).toEqual({ measuredAmps: 16 });
  });
});
