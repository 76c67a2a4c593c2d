import { asTenantId } from '@csms/common';
import mongoose from 'mongoose';
import {
  ConsumptionRecord,
  ConsumptionRepository,
} from '../../libs/transactions/src/consumptions/consumption.repository';
import { uniqueDatabaseUri } from '../setup/test-database';
import { consumptionRepositoryOn } from '../support/consumption-repository';

const TENANT = asTenantId('default');
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute));
const SAMPLES = [
  { value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
  { value: '42', measurand: 'SoC', unit: 'Percent', location: 'EV' },
];

function record(transactionId: string, minute: number, figures: Partial<ConsumptionRecord['point']> = {}) {
  return {
    tenantId: TENANT,
    transactionId,
    chargingStationId: 'CS-1',
    connectorId: 2,
    point: { timestamp: at(minute), cumulatedWh: minute * 100, ...figures },
    sampledValues: SAMPLES,
  };
}

/**
 * A curve point is stored as the fields queries filter and sort on plus one JSON text with its figures
 * and raw samples; points written before that kept their figures as fields. Both read the same, on the
 * run's database (embedded FerretDB, or MONGODB_URI).
 */
describe('curve point storage', () => {
  let connection: mongoose.Connection;
  let repository: ConsumptionRepository;
  const raw = () => connection.collection('consumptions');

  beforeAll(async () => {
    connection = await mongoose.createConnection(uniqueDatabaseUri('consumption_storage')).asPromise();
    repository = consumptionRepositoryOn(connection);
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('stores a point as its queried fields and one JSON text, and reads every figure back', async () => {
    const figures = {
      instantWatts: 11_000,
      instantAmps: 48,
      instantAmpsL1: 16,
      instantAmpsL2: 16,
      instantAmpsL3: 16,
      voltage: 229.5,
      stateOfCharge: 42,
      limitWatts: 22_000,
      amount: 0.35,
      cumulatedAmount: 1.2,
    };
    await repository.insertBatch([record('tx-new', 1), record('tx-new', 2, figures)]);

    const doc = await raw().findOne({ transactionId: 'tx-new', timestamp: at(2) });
    expect(Object.keys(doc ?? {}).sort()).toEqual(
      [
        '_id',
        'tenantId',
        'transactionId',
        'chargingStationId',
        'connectorId',
        'timestamp',
        'pointJson',
      ].sort(),
    );
    expect(JSON.parse(doc?.pointJson as string)).toEqual({
      figures: { cumulatedWh: 200, ...figures },
      sampledValues: SAMPLES,
    });

    const curve = (await repository.findForTransactions(TENANT, ['tx-new'])).get('tx-new');
    expect(curve).toEqual([
      { transactionId: 'tx-new', timestamp: at(1), cumulatedWh: 100 },
      {
        transactionId: 'tx-new',
        timestamp: at(2),
        cumulatedWh: 200,
        ...figures,
        stateOfChargeSource: 'STATION',
      },
    ]);
    expect(await repository.lastOf(TENANT, 'tx-new')).toEqual({ timestamp: at(2), cumulatedWh: 200 });
    expect(await repository.meterCurveOf(TENANT, 'tx-new')).toEqual([
      { timestamp: at(1), cumulatedWh: 100 },
      { timestamp: at(2), cumulatedWh: 200, instantAmps: 48, cumulatedAmount: 1.2 },
    ]);
  });

  it('reads points written with their figures as fields, a car’s state of charge marked as the car’s', async () => {
    const legacy = { tenantId: TENANT, transactionId: 'tx-old', chargingStationId: 'CS-1', connectorId: 1 };
    const stationPoints = [
      { timestamp: at(1), cumulatedWh: 100, instantWatts: 7_000 },
      { timestamp: at(2), cumulatedWh: 250, stateOfCharge: 30 },
    ];
    const carPoint = {
      timestamp: at(3),
      cumulatedWh: 400,
      amount: 0.1,
      cumulatedAmount: 0.4,
      stateOfCharge: 35,
    };
    await raw().insertMany(
      [...stationPoints, { ...carPoint, stateOfChargeSource: 'CAR', carStateOfChargeAt: at(3) }].map(
        (fields, index) => ({ ...legacy, _id: `old-${index}` as never, ...fields, sampledValuesJson: '[]' }),
      ),
    );

    const curve = (await repository.findForTransactions(TENANT, ['tx-old'])).get('tx-old');
    expect(curve).toEqual([
      { transactionId: 'tx-old', ...stationPoints[0] },
      { transactionId: 'tx-old', ...stationPoints[1], stateOfChargeSource: 'STATION' },
      { transactionId: 'tx-old', ...carPoint, stateOfChargeSource: 'CAR' },
    ]);
    expect(await repository.lastOf(TENANT, 'tx-old')).toEqual({ timestamp: at(3), cumulatedWh: 400 });
    expect((await repository.meterCurveOf(TENANT, 'tx-old')).map((point) => point.cumulatedAmount)).toEqual([
      undefined,
      undefined,
      0.4,
    ]);
  });

  it('puts a car’s state of charge on a point, where the station’s own wins when it reported one', async () => {
    await repository.insertBatch([record('tx-car', 1), record('tx-car', 2, { stateOfCharge: 80 })]);

    expect(await repository.applyCarStateOfCharge(TENANT, 'tx-car', at(1), 50)).toBe(true);
    expect(await repository.applyCarStateOfCharge(TENANT, 'tx-car', at(2), 52)).toBe(true);
    expect(await repository.applyCarStateOfCharge(TENANT, 'tx-car', at(3), 55)).toBe(false);
    // An older car reading than the one on the point does not replace it.
    expect(
      await repository.applyCarStateOfCharge(TENANT, 'tx-car', new Date(at(1).getTime() - 1_000), 45),
    ).toBe(true);

    const curve = (await repository.findForTransactions(TENANT, ['tx-car'])).get('tx-car');
    expect(
      curve?.map(({ stateOfCharge, stateOfChargeSource }) => ({ stateOfCharge, stateOfChargeSource })),
    ).toEqual([
      { stateOfCharge: 50, stateOfChargeSource: 'CAR' },
      { stateOfCharge: 80, stateOfChargeSource: 'STATION' },
    ]);
    expect(await repository.latestPointOf(TENANT, 'tx-car')).toMatchObject({
      stateOfCharge: 80,
      stateOfChargeSource: 'STATION',
    });
  });
});
