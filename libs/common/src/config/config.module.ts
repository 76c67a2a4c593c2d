import { DynamicModule, Global, Module } from '@nestjs/common';
import { SecretCipher } from '../crypto/secret-cipher';
import { OutboundHttp } from '../http/outbound-http';
import { APP_CONFIG } from './app-config';
import { AppConfig } from './config.schema';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, SecretCipher, OutboundHttp],
      exports: [APP_CONFIG, SecretCipher, OutboundHttp],
    };
  }
}
