import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@advisordesk/api-core';
import { PRIVACY_SCRIPT, renderPrivacyPage } from './privacy.page';

/** The person's side of rights requests: the phone-sized page at `/privacy` and its script (the JSON API is `public/data-requests`). */
@ApiTags('public')
@Public()
@Controller()
export class PrivacyPageController {
  private readonly page = renderPrivacyPage();

  @Get('public/privacy-page.js')
  script(@Res() response: Response) {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.type('application/javascript').send(PRIVACY_SCRIPT);
  }

  /** At the short address printed on every page sent to a student: `/privacy`. */
  @Get('privacy')
  show(@Res() response: Response) {
    response.setHeader('Cache-Control', 'no-cache');
    response.setHeader('Referrer-Policy', 'no-referrer');
    response.type('html').send(this.page);
  }
}
