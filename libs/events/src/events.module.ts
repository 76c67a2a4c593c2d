import { APP_CONFIG, AppConfig } from '@csms/common';
import { Metrics } from '@csms/metrics';
import { Global, Module } from '@nestjs/common';
import { EventBus } from './event-bus';
import { InProcessEventBus } from './in-process-event-bus';
import { RedisEventBus } from './redis/redis-event-bus';

/** In-process bus by default; with REDIS_URL, one bus across every instance (closed on shutdown). */
@Global()
@Module({
  providers: [
    {
      provide: EventBus,
      inject: [
        { token: APP_CONFIG, optional: true },
        { token: Metrics, optional: true },
      ],
      useFactory: async (config?: AppConfig, metrics?: Metrics): Promise<EventBus> => {
        const bus = config?.REDIS_URL
          ? await RedisEventBus.connect(config.REDIS_URL)
          : new InProcessEventBus();
        if (metrics?.enabled) {
          bus.observeLag(
            metrics
              .histogram({
                name: 'csms_event_bus_lag_seconds',
                help: 'Time from an event published (on any instance) to its delivery to this instance’s handlers',
              })
              .series(),
          );
        }
        return bus;
      },
    },
  ],
  exports: [EventBus],
})
export class EventsModule {}
