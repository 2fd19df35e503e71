import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { INQUIRY_LIMITS } from '@advisordesk/shared';
import { DATA_RIGHTS_LINK, fieldError, Public } from '@advisordesk/api-core';
import { ConsentService } from './consent.service';
import { CreateInquiryDto } from './dto/create-inquiry.dto';
import { IntakeService, type InquiryReceipt } from './intake.service';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicInquiriesController {
  constructor(
    private readonly intake: IntakeService,
    private readonly consent: ConsentService,
  ) {}

  /** The website's Quick Inquiry form. */
  @Post('inquiries')
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key answers the first result and adds nothing' })
  receive(@Body() body: CreateInquiryDto, @Req() request: Request, @Headers('idempotency-key') idempotencyKey?: string): Promise<InquiryReceipt> {
    if (idempotencyKey !== undefined && (!idempotencyKey.trim() || idempotencyKey.length > INQUIRY_LIMITS.idempotencyKey)) {
      throw fieldError('Idempotency-Key', `Idempotency-Key must be 1 to ${INQUIRY_LIMITS.idempotencyKey} characters`);
    }
    return this.intake.receive(body, request.ip ?? 'unknown', idempotencyKey?.trim());
  }

  /** The unsubscribe link sent in messages: a page with one button (a GET never changes anything). */
  @Get('unsubscribe/:token')
  unsubscribePage(@Param('token') token: string, @Res() response: Response) {
    response.type('html').send(
      page(
        'Stop marketing messages',
        `<p>Press the button to stop receiving marketing messages from us. We will still answer your own inquiries.</p>
      <form method="post"><label><input type="checkbox" name="whatsapp" value="true"> Also stop WhatsApp updates about my inquiry</label>
      <button type="submit">Stop marketing messages</button></form>`,
        token,
      ),
    );
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Query('format') format: string | undefined, @Req() request: Request, @Res() response: Response) {
    if (!/^[0-9a-f]{64}$/.test(token)) throw fieldError('token', 'This link is not valid');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const whatsapp = body.whatsapp === true || body.whatsapp === 'true';
    const { firstName } = await this.consent.withdraw(token, { marketing: true, whatsapp });
    if (format === 'json' || request.is('application/json')) {
      response.json({ withdrawn: { marketing: true, whatsapp } });
      return;
    }
    response
      .type('html')
      .send(
        page(
          'Done',
          `<p>Thank you, ${escapeHtml(firstName)}. You will not receive marketing messages from us any more${whatsapp ? ', nor WhatsApp updates' : ''}.</p>`,
        ),
      );
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, _token?: string): string {
  return `<!doctype html><html lang="en-IN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · AdvisorDesk</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f2937;line-height:1.5}
button{margin-top:1rem;padding:.7rem 1.2rem;border:0;border-radius:6px;background:#1d4ed8;color:#fff;font-size:1rem}label{display:block;margin-top:1rem}</style></head>
<body><h1>${title}</h1>${body}<p>${DATA_RIGHTS_LINK}</p></body></html>`;
}
