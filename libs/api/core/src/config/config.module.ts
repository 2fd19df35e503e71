import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { APP_CONFIG, loadConfig, type AppConfig } from './app.config';
import { AllowedOrigins } from '../http/allowed-origins';

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
      providers: [{ provide: APP_CONFIG, useFactory: (config: AppConfig) => config, inject: [appConfig.KEY] }, AllowedOrigins],
      exports: [APP_CONFIG, AllowedOrigins],
    };
  }
}
