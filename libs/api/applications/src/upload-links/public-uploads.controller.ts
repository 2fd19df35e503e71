import { Controller, Get, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppError, fileBody, idOf, Public } from '@advisordesk/api-core';
import { UPLOAD_FIELD } from '@advisordesk/shared';
import { ApplicationErrors } from '../applications.errors';
import { renderUploadPage, renderUploadProblemPage, UPLOAD_SCRIPT, type UploadPageNotice } from './upload.page';
import { UploadLinksService } from './upload-links.service';

const documentId = idOf(ApplicationErrors.documentNotFound);

/** The student's side of an upload link: the JSON API, and the phone-sized page at `/u/<token>`. */
@ApiTags('public')
@Public()
@Controller()
export class PublicUploadsController {
  constructor(private readonly links: UploadLinksService) {}

  @Get('public/upload-page.js')
  script(@Res() response: Response) {
    response.setHeader('Cache-Control', 'public, max-age=3600');
    response.type('application/javascript').send(UPLOAD_SCRIPT);
  }

  @Get('public/uploads/:token')
  view(@Param('token') token: string) {
    return this.links.publicView(token);
  }

  @Put('public/uploads/:token/:docId')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody(UPLOAD_FIELD))
  upload(@Param('token') token: string, @Param('docId', documentId) docId: string, @Req() request: Request) {
    return this.links.upload(token, docId, request);
  }

  /** The page itself, at the short address the student gets: `/u/<token>`. */
  @Get('u/:token')
  async page(@Param('token') token: string, @Query('uploaded') uploaded: unknown, @Res() response: Response): Promise<void> {
    const view = await this.pageOr(token, response);
    if (!view) return;
    const done = typeof uploaded === 'string' ? view.documents.find((d) => d.id === uploaded) : undefined;
    const notice: UploadPageNotice | undefined = done ? { kind: 'ok', text: `Thank you: “${done.label}” was received.` } : undefined;
    response.type('html').send(renderUploadPage(token, view, await this.links.contactFor(token), notice));
  }

  /** The page's form without JavaScript: upload, then back to the page (303), or the page with the problem. */
  @Post('u/:token/:docId')
  async pageUpload(@Param('token') token: string, @Param('docId') docId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    try {
      if (!/^[0-9a-f-]{36}$/i.test(docId)) throw new AppError(ApplicationErrors.documentNotFound);
      await this.links.upload(token, docId, request);
      response.redirect(303, `/u/${encodeURIComponent(token)}?uploaded=${encodeURIComponent(docId)}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // An unknown or expired link gets its own page; any other refusal is said on the page itself.
      const view = await this.pageOr(token, response);
      if (!view) return;
      const notice: UploadPageNotice = { kind: 'error', text: error.message };
      response
        .status(error.error.status)
        .type('html')
        .send(renderUploadPage(token, view, await this.links.contactFor(token), notice));
    }
  }

  /** The page's data, or the 404/410 page already sent. */
  private async pageOr(token: string, response: Response) {
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Referrer-Policy', 'no-referrer');
    try {
      return await this.links.publicView(token);
    } catch (error) {
      if (error instanceof AppError && (error.error.status === 404 || error.error.status === 410)) {
        const status = error.error.status as 404 | 410;
        response
          .status(status)
          .type('html')
          .send(renderUploadProblemPage(status, await this.links.contactFor(token)));
        return null;
      }
      throw error;
    }
  }
}
