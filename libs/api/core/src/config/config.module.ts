import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { APP_CONFIG, loadConfig, type AppConfig } from './app.config';
import { AllowedOrigins } from '../http/allowed-origins';
import { RateLimits } from '../http/rate-limiter';
import { EventBus, eventBusProvider } from '../events/event-bus';
import { RedisConnections } from '../shared/redis-connections';
import { SharedPostgres } from '../shared/shared-postgres';

export const appConfig = registerAs('app', (): AppConfig => loadConfig(process.env));

/**
 * Validates the environment once, at start (a bad variable stops the app, named), and provides
 * the typed `AppConfig`. `forRoot()` reads `process.env` when it is called, not when imported.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          validate: (env) => {
            loadConfig(env);
            return env;
          },
          load: [appConfig],
        }),
      ],
      // What every area may inject: the config, and what the instances share (rate limits, events).
      providers: [
        { provide: APP_CONFIG, useFactory: (config: AppConfig) => config, inject: [appConfig.KEY] },
        AllowedOrigins,
        SharedPostgres,
        RedisConnections,
        RateLimits,
        eventBusProvider,
      ],
      exports: [APP_CONFIG, AllowedOrigins, RateLimits, EventBus],
    };
  }
}
