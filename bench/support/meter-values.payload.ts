/** A station's charging session as the benchmark plays it: energy rising, constant power, SoC climbing. */
export class BenchSession {
  private registerWh = 0;
  private lastTimestampMs = 0;
  private samples = 0;

  constructor(
    readonly connectorId: number,
    readonly idTag: string,
  ) {}

  startTransaction(): Record<string, unknown> {
    return {
      connectorId: this.connectorId,
      idTag: this.idTag,
      meterStart: 0,
      timestamp: this.nextTimestamp(),
    };
  }

  /** One MeterValues with one meterValue of three samples; timestamps strictly increase per station. */
  meterValues(transactionId: number): { payload: Record<string, unknown>; timestampMs: number } {
    this.samples++;
    this.registerWh += 10;
    const stateOfCharge = Math.min(100, 20 + Math.floor(this.samples / 20));
    const timestamp = this.nextTimestamp();
    const payload = {
      connectorId: this.connectorId,
      transactionId,
      meterValue: [
        {
          timestamp,
          sampledValue: [
            {
              value: String(this.registerWh),
              context: 'Sample.Periodic',
              measurand: 'Energy.Active.Import.Register',
              location: 'Outlet',
              unit: 'Wh',
            },
            {
              value: '22000',
              context: 'Sample.Periodic',
              measurand: 'Power.Active.Import',
              location: 'Outlet',
              unit: 'W',
            },
            {
              value: String(stateOfCharge),
              context: 'Sample.Periodic',
              measurand: 'SoC',
              location: 'EV',
              unit: 'Percent',
            },
          ],
        },
      ],
    };
    return { payload, timestampMs: this.lastTimestampMs };
  }

  stopTransaction(transactionId: number): Record<string, unknown> {
    return {
      transactionId,
      idTag: this.idTag,
      meterStop: this.registerWh,
      timestamp: this.nextTimestamp(),
      reason: 'Local',
    };
  }

  private nextTimestamp(): string {
    this.lastTimestampMs = Math.max(Date.now(), this.lastTimestampMs + 1);
    return new Date(this.lastTimestampMs).toISOString();
  }
}
