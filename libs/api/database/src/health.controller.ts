import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, CommonErrors, Public } from '@advisordesk/api-core';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async check(): Promise<{ status: 'ok'; database: 'up'; time: string }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new AppError(CommonErrors.databaseUnavailable);
    }
    return { status: 'ok', database: 'up', time: new Date().toISOString() };
  }
}
