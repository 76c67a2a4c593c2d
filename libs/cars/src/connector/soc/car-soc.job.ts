import {
  APP_CONFIG,
  AppConfig,
  OutboundAddressRefused,
  OutboundHttp,
  TenantId,
  asTenantId,
} from '@csms/common';
import { NotConnectedError, OAuth2Connections, OAuth2GrantRefused } from '@csms/connections';
import { DEFAULT_RETRY, Job, JobHandler, JobHandlers, JobResult, RetryPolicy } from '@csms/database';
import { ConsumptionRepository, StateOfChargeSource, TransactionService } from '@csms/transactions';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CarRepository } from '../../cars/car.repository';
import { CarDataGrantType } from '../car-connector-settings';
import {
  CarConnectorNotConfiguredError,
  CarConnectorSettingsService,
  UsableCarConnectorSettings,
} from '../car-connector-settings.service';
import { CarDataClient, CarDataRefusal } from '../car-data-client';
import { CAR_DATA_CONNECTION } from '../car-data-connection';
import { CarDataMappingError, CarReading } from '../car-data-mapping';
import { CarSocReadingRepository } from './car-soc-reading.repository';

export const CAR_SOC_QUEUE = 'cars.soc';

export interface CarSocPayload {
  transactionId: string;
  userId: string;
  carId: string;
}

/**
 * Reads the state of charge of a session's car from the tenant's car-data service (one recurring
 * job per session, keyed by it): at the start, then every CAR_DATA_POLL_MS while the session runs
 * and its station reports no state of charge of its own (AC). Each reading is stored, then put on
 * the session's curve once it has a point at or after the car's measuring time. The service down:
 * the job backs off and reads again (the readings stored stay); the session itself never waits.
 */
@Injectable()
export class CarSocJob extends JobHandler<CarSocPayload> implements OnModuleInit {
  readonly queue = CAR_SOC_QUEUE;
  override readonly retry: RetryPolicy;
  private readonly logger = new Logger(CarSocJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: JobHandlers,
    private readonly settings: CarConnectorSettingsService,
    private readonly connections: OAuth2Connections,
    private readonly transactions: TransactionService,
    private readonly consumptions: ConsumptionRepository,
    private readonly cars: CarRepository,
    private readonly readings: CarSocReadingRepository,
    private readonly outbound: OutboundHttp,
  ) {
    super();
    this.retry = { ...DEFAULT_RETRY, baseDelayMs: config.CAR_DATA_RETRY_BASE_MS };
  }

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async handle(job: Job<CarSocPayload>): Promise<JobResult | void> {
    const tenantId = asTenantId(job.tenantId);
    const { transactionId, userId, carId } = job.payload;
    const session = await this.transactions.findById(tenantId, transactionId);
    if (!session) return;
    if (session.active) {
      const read = await this.read(tenantId, job.payload);
      if (read === 'stop') return this.putOnCurve(tenantId, transactionId).then(() => undefined);
    }
    await this.putOnCurve(tenantId, transactionId);
    if (!session.active) return;
    const last = await this.consumptions.latestPointOf(tenantId, transactionId);
    // The station reports the state of charge (DC): the car need not be asked again.
    if (last?.stateOfChargeSource === StateOfChargeSource.STATION) return;
    this.logger.debug({ tenantId, transactionId, userId, carId }, 'Car state of charge read');
    return { outcome: 'again', at: new Date(Date.now() + this.config.CAR_DATA_POLL_MS) };
  }

  /**
   * Reads and stores the car's state of charge. 'stop' when the session's car cannot be read at all
   * any more (no connector, no connection, no VIN); a refusal or an answer the mapping cannot read
   * is logged and asked again at the next reading; transient failures throw (retried).
   */
  private async read(tenantId: TenantId, payload: CarSocPayload): Promise<'read' | 'skipped' | 'stop'> {
    const car = await this.cars.findById(tenantId, payload.carId);
    if (!car?.vin || car.userId !== payload.userId) return 'stop';
    const vin = car.vin;
    try {
      const settings = await this.settings.usable(tenantId);
      const reading = await this.withToken(tenantId, settings, payload.userId, (client) =>
        this.readVin(client, vin),
      );
      if (!reading) {
        this.logger.warn({ tenantId, carId: car.id }, 'The car-data service does not know this car’s VIN');
        return 'skipped';
      }
      await this.readings.add(tenantId, { ...payload, ...reading, readAt: new Date() });
      return 'read';
    } catch (error) {
      if (error instanceof CarConnectorNotConfiguredError || error instanceof NotConnectedError) {
        this.logger.log(
          { tenantId, transactionId: payload.transactionId },
          `Car state of charge not read: ${error.message}`,
        );
        return 'stop';
      }
      if (
        error instanceof CarDataRefusal ||
        error instanceof CarDataMappingError ||
        error instanceof OAuth2GrantRefused ||
        // An address the outbound guard refuses: retrying cannot help until an admin changes it.
        error instanceof OutboundAddressRefused
      ) {
        this.logger.warn(
          { tenantId, transactionId: payload.transactionId },
          `Car state of charge not read: ${error.message}`,
        );
        return 'skipped';
      }
      throw error;
    }
  }

  /** The driver's own token (authorization code), else the tenant's (client credentials). */
  private withToken<T>(
    tenantId: TenantId,
    settings: UsableCarConnectorSettings,
    userId: string,
    call: (client: CarDataClient) => Promise<T>,
  ): Promise<T> {
    const client = (token: string) => new CarDataClient(this.outbound, settings, token);
    return settings.grantType === CarDataGrantType.CLIENT_CREDENTIALS
      ? this.connections.withClientToken(tenantId, CAR_DATA_CONNECTION, (token) => call(client(token)))
      : this.connections.withAccessToken(tenantId, userId, CAR_DATA_CONNECTION, (token) =>
          call(client(token)),
        );
  }

  private async readVin(client: CarDataClient, vin: string): Promise<CarReading | null> {
    const vehicle = await client.vehicleOf(vin);
    return vehicle ? client.readingOf(vehicle) : null;
  }

  /** The session's readings not on its curve yet, oldest first, each once the curve reaches it. */
  private async putOnCurve(tenantId: TenantId, transactionId: string): Promise<void> {
    for (const reading of await this.readings.notOnCurve(tenantId, transactionId)) {
      const placed = await this.consumptions.applyCarStateOfCharge(
        tenantId,
        transactionId,
        reading.measuredAt,
        reading.stateOfCharge,
      );
      if (!placed) return;
      await this.readings.putOnCurve(tenantId, reading);
    }
  }
}
