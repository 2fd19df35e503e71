import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, queryRows, type AppConfig } from '@advisordesk/api-core';
import { PasswordService } from '../auth/password.service';

/** On first start against an empty database, the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD. */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const hash = await this.passwords.hash(adminPassword);
    // One statement, so two instances starting together still create one admin.
    const created = await queryRows<{ id: string }>(
      this.dataSource,
      `INSERT INTO users (name, email, role, password_hash)
       SELECT 'Administrator', $1, 'admin', $2
       WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [adminEmail, hash],
    );
    if (created.length) this.logger.log(`Created the first admin: ${adminEmail}`);
  }
}
