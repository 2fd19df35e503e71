import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config';

/**
 * Browser origins allowed to call the API (the website's Quick Inquiry form): `CORS_ORIGINS`
 * plus the list admins keep on the "Website form" screen.
 */
@Injectable()
export class AllowedOrigins {
  private managed = new Set<string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  setManaged(origins: string[]): void {
    this.managed = new Set(origins.map((o) => o.replace(/\/$/, '')));
  }

  list(): string[] {
    return [...new Set([...this.config.corsOrigins, ...this.managed])];
  }

  allows(origin: string): boolean {
    return this.config.corsOrigins.includes(origin) || this.managed.has(origin);
  }
}
