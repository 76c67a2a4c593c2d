import { AssetsModule } from '@csms/assets';
import { AuditModule } from '@csms/audit';
import { AuthModule } from '@csms/auth';
import { BillingModule } from '@csms/billing';
import { ClusterModule } from '@csms/cluster';
import { ConnectionsModule } from '@csms/connections';
import { AppConfig, ConfigModule } from '@csms/common';
import { DatabaseModule, JobsModule } from '@csms/database';
import { EventsModule } from '@csms/events';
import { ExportsModule } from '@csms/exports';
import { HousekeepingModule } from '@csms/housekeeping';
import { CarsModule } from '@csms/cars';
import { MetricsModule } from '@csms/metrics';
import { NotificationsModule } from '@csms/notifications';
import { OcppModule } from '@csms/ocpp';
import { OrganizationsModule } from '@csms/organizations';
import { SmartChargingModule } from '@csms/smart-charging';
import { PricingModule } from '@csms/pricing';
import { RefundsModule } from '@csms/refunds';
import { RoamingModule } from '@csms/roaming';
import { StationLimitsModule, StationsModule } from '@csms/stations';
import { StatisticsModule } from '@csms/statistics';
import { TemplatesModule } from '@csms/templates';
import { TransactionsModule } from '@csms/transactions';
import { UsersModule } from '@csms/users';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { GraphQLOptionsFactory } from './graphql/graphql-options.factory';
import { HealthModule } from './health/health.module';
import { MetricsHttpModule } from './metrics/metrics-http.module';

/** The domain modules whose resolvers make up the GraphQL schema (also read by scripts/generate-schema). */
export const DOMAIN_MODULES = [
  UsersModule,
  NotificationsModule,
  StationsModule,
  StationLimitsModule,
  TransactionsModule,
  OcppModule,
  TemplatesModule,
  OrganizationsModule,
  PricingModule,
  RoamingModule,
  StatisticsModule,
  CarsModule,
  AssetsModule,
  SmartChargingModule,
  BillingModule,
  ConnectionsModule,
  RefundsModule,
];

@Module({})
export class AppModule {
  /** `logger`: the application's pino logger, which the request log in front of Nest shares. */
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: { logger },
          // No per-request middleware: requests are logged by `requestLogger` (see there why).
          forRoutes: [],
        }),
        MetricsModule,
        DatabaseModule,
        JobsModule,
        EventsModule,
        ClusterModule.forRoot(),
        AuditModule,
        AuthModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          useClass: GraphQLOptionsFactory,
        }),
        HealthModule,
        MetricsHttpModule,
        ExportsModule,
        ...DOMAIN_MODULES,
        HousekeepingModule,
      ],
    };
  }
}
