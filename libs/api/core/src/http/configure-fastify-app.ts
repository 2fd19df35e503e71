import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArgumentsHost, type INestApplication, RequestMethod } from '@nestjs/common';
import type { FastifyServerOptions } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger as PinoLogger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AppError, CommonErrors } from '../errors/app-error';
import { HttpErrorFilter } from '../errors/http-error.filter';
import { createValidationPipe } from '../errors/validation';
import { createLogger } from '../logging/logger';
import { AllowedOrigins } from './allowed-origins';
import { BODY_LIMIT, BODY_LIMIT_BYTES, corsOptions, PUBLIC_PAGES, securityHeaders } from './configure-app';
import { requestIdOf, requestLog } from './request-log';

/**
 * The API on Fastify instead of Express (`HTTP_ADAPTER=fastify`), to measure the HTTP stack: the
 * same request log, security headers, CORS, validation pipe and error shape as `configureApp`.
 * Not (yet) the whole product: the larger bodies of the imports and bulk actions, the raw body of
 * the WhatsApp webhook, the API docs, the website form and the admin panel are Express's only, and
 * handlers that take Express's `Request`/`Response` (downloads, streams, uploads, cookies) are not
 * adapted.
 */
export function fastifyServerOptions(config: AppConfig): FastifyServerOptions {
  const hops = config.trustProxy;
  // A number of proxies in front, as Express reads it: trust that many hops from this server.
  return {
    trustProxy: typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : hops,
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
  };
}

export function configureFastifyApp(app: NestFastifyApplication, options: { logger?: PinoLogger } = {}): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  // Connect-style middleware on Node's own request and response, as on Express.
  app.use(requestLog(options.logger ?? createLogger(config.logLevel)));
  app.use(securityHeaders());
  // The same origin callback; @fastify/cors's types name its arguments differently.
  app.enableCors(corsOptions(app.get(AllowedOrigins)) as Parameters<NestFastifyApplication['enableCors']>[0]);
  // The request id is Fastify's (the request log takes it): answered in `x-request-id`, as on Express.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.header('x-request-id', request.id);
      done();
    });
  app.setGlobalPrefix('api', { exclude: PUBLIC_PAGES.map((p) => ({ path: p.path, method: p.method ?? RequestMethod.GET })) });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new FastifyErrorFilter());
  return app;
}

/** Fastify's body-parser failures (Nest hands them on as HttpExceptions), as Express's are answered. */
const BODY_PROBLEMS = {
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError(CommonErrors.payloadTooLarge, undefined, `The request body is larger than ${BODY_LIMIT}`),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError(CommonErrors.malformedJson),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError(CommonErrors.malformedJson),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError(CommonErrors.unsupportedMediaType),
};

interface FastifyReplyLike {
  raw: ServerResponse;
  header(name: string, value: string): unknown;
  status(code: number): { send(body: unknown): unknown };
}

/** The one error filter, writing through Fastify's reply (the filter speaks Express's response). */
class FastifyErrorFilter extends HttpErrorFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReplyLike>();
    const request = http.getRequest<{ raw: IncomingMessage & { id?: string }; method: string; url: string }>();
    const response = {
      get headersSent() {
        return reply.raw.headersSent;
      },
      setHeader: (name: string, value: string) => reply.header(name, value),
      end: () => reply.raw.end(),
      status: (code: number) => ({ json: (body: unknown) => reply.status(code).send(body) }),
    };
    const expressLike = { id: request.raw.id, method: request.method, path: request.url };
    const bodyProblem = BODY_PROBLEMS[((exception as { cause?: { code?: string } })?.cause?.code ?? '') as keyof typeof BODY_PROBLEMS];
    const expressHost = Object.create(host) as ArgumentsHost;
    expressHost.switchToHttp = () => ({ ...http, getResponse: <T>() => response as T, getRequest: <T>() => expressLike as T, getNext: http.getNext });
    super.catch(bodyProblem ? bodyProblem() : exception, expressHost);
  }
}
