import { APP_CONFIG, AppConfig } from '@csms/common';
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
      inject: [{ token: APP_CONFIG, optional: true }],
      useFactory: (config?: AppConfig): EventBus | Promise<EventBus> =>
        config?.REDIS_URL ? RedisEventBus.connect(config.REDIS_URL) : new InProcessEventBus(),
    },
  ],
  exports: [EventBus],
})
export class EventsModule {}
