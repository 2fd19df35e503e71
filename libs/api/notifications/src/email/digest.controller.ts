import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AppError, Public, queryAffected, queryMaybeOne } from '@advisordesk/api-core';
import { NotificationErrors } from '../notifications.errors';
import { unsubscribedPage } from './mail-pages';

const TOKEN = /^[0-9a-f]{64}$/;

/**
 * The digest's one unsubscribe link: opening it asks (a mail scanner that follows links stops
 * nothing), the button or a mail client's one-click POST (RFC 8058) stops the digest.
 */
@ApiTags('public')
@Public()
@Controller('public/digest/:token/unsubscribe')
export class DigestUnsubscribeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async ask(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const row = TOKEN.test(token)
      ? await queryMaybeOne(this.dataSource, `SELECT 1 FROM notification_settings WHERE digest_token = $1`, [token])
      : undefined;
    if (!row) throw new AppError(NotificationErrors.digestLinkNotFound);
    response.setHeader('Cache-Control', 'no-store');
    response.type('html').send(unsubscribedPage(false));
  }

  @Post()
  @HttpCode(200)
  async stop(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const changed = TOKEN.test(token)
      ? await queryAffected(this.dataSource, `UPDATE notification_settings SET digest = false, updated_at = now() WHERE digest_token = $1`, [token])
      : 0;
    if (!changed) throw new AppError(NotificationErrors.digestLinkNotFound);
    response.type('html').send(unsubscribedPage(true));
  }
}
