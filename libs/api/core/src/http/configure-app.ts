import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type INestApplication, Logger, RequestMethod } from '@nestjs/common';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Logger as PinoLogger } from 'pino';
import type { AppConfig } from '../config/app.config';
import { AppError, CommonErrors } from '../errors/app-error';
import { HttpErrorFilter, toErrorBody } from '../errors/http-error.filter';
import { createValidationPipe } from '../errors/validation';
import { APP_CONFIG } from '../config/app.config';
import { createLogger } from '../logging/logger';
import { AllowedOrigins } from './allowed-origins';
import { requestLog } from './request-log';

/** A JSON body's limit, in bytes (Fastify) and as Express's parser and our error message write it. */
export const BODY_LIMIT_BYTES = 100 * 1024;
export const BODY_LIMIT = `${BODY_LIMIT_BYTES / 1024}kb`;
/** The catalogue import takes whole CSV files; a bulk action on leads and a breach's affected people up to 10,000 ids. */
const LARGE_BODY_ROUTES = ['/api/catalogue/import', '/api/leads/bulk', '/api/breaches'];
/** Routes whose handler needs the exact bytes received (a signature over them): the body stays a Buffer. */
export const RAW_BODY_ROUTES = ['/api/webhooks/whatsapp'];
/** Meta's webhook bodies are small; a batch of statuses stays well under this. */
const RAW_BODY_LIMIT = '1mb';
/**
 * Public pages served outside `/api`, with short addresses for links sent to students. A prefix
 * ending in `/` covers every path under it; any other is that one path (`/privacy`, not `/privacy-x`).
 */
export const PUBLIC_PAGES: { path: string; prefix: string; method?: RequestMethod }[] = [
  { path: 'c/:token', prefix: '/c/' },
  { path: 'u/:token', prefix: '/u/' },
  // The upload page's form, for phones without JavaScript.
  { path: 'u/:token/:docId', prefix: '/u/', method: RequestMethod.POST },
  // Where a person asks to see, correct or erase their data.
  { path: 'privacy', prefix: '/privacy' },
];
const isPublicPage = (path: string) => PUBLIC_PAGES.some((p) => (p.prefix.endsWith('/') ? path.startsWith(p.prefix) : path === p.prefix));

/** Body-parser failures happen before Nest's filters: answer them in the one error shape. */
function bodyErrorHandler(error: { type?: string; status?: number } & Error, req: Request & { id?: string }, res: Response, next: NextFunction) {
  if (!error) return next();
  const problem =
    error.type === 'entity.too.large'
      ? new AppError(CommonErrors.payloadTooLarge, undefined, `The request body is larger than ${BODY_LIMIT}`)
      : error.type === 'entity.parse.failed' || error.status === 400
        ? new AppError(CommonErrors.malformedJson)
        : error.type === 'charset.unsupported' || error.type === 'encoding.unsupported' || error.status === 415
          ? new AppError(CommonErrors.unsupportedMediaType)
          : error;
  const body = toErrorBody(problem);
  return res.status(body.statusCode).json({ ...body, requestId: req.id });
}

/**
 * The website form: `/embed.js` (loaded by other sites, so cross-origin) and the hosted page
 * `/inquiry` (which those sites may frame).
 */
function serveWebsiteForm(app: NestExpressApplication, origins: AllowedOrigins, logger: Logger) {
  const dir = resolve(process.env.WIDGET_DIST_DIR ?? join(process.cwd(), 'dist', 'widget'));
  if (!existsSync(join(dir, 'embed.js'))) {
    logger.warn(`The website form is not built at ${dir}: run \`npm run build\``);
    return;
  }
  app.use('/embed.js', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/javascript').sendFile(join(dir, 'embed.js'));
  });
  app.use('/inquiry', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || (req.path !== '/' && req.path !== '')) return next();
    const ancestors = ["'self'", ...[...origins.list()]].join(' ');
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors ${ancestors}`,
    );
    res.removeHeader('X-Frame-Options');
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'inquiry.html'));
  });
}

/** Serves the built admin panel at `/` (SPA fallback), leaving `/api` to Nest. */
function serveAdmin(app: NestExpressApplication, config: AppConfig, logger: Logger) {
  const dir = resolve(config.adminDistDir ?? join(process.cwd(), 'dist', 'admin'));
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn(`The admin panel is not built at ${dir}: run \`npm run build:admin\` (npm start does it for you)`);
    return;
  }
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path === '/api' ||
      req.path.startsWith('/api/') ||
      isPublicPage(req.path) ||
      req.path === '/embed.js' ||
      req.path.startsWith('/inquiry')
    )
      return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dir, 'index.html'));
  });
}

export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'self'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });

export const corsOptions = (origins: AllowedOrigins): CorsOptions => ({
  origin: (origin, callback) => callback(null, !origin || origins.allows(origin)),
  exposedHeaders: ['x-total-count', 'x-total-count-estimated', 'x-request-id', 'x-export-id', 'Retry-After', 'Content-Disposition'],
  allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
  methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
  maxAge: 600,
});

/**
 * Everything the HTTP platform needs, shared by `main.ts` and the integration tests so that
 * tests exercise the same pipes, filters, body limits, CORS and headers as production.
 */
export function configureApp(app: NestExpressApplication, options: { serveAdminPanel?: boolean; logger?: PinoLogger } = {}): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = new Logger('Http');
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.use(requestLog(options.logger ?? createLogger(config.logLevel)));
  app.use(securityHeaders());
  const origins = app.get(AllowedOrigins);
  app.enableCors(corsOptions(origins));
  // Before the JSON parser, which then leaves these requests alone (their body is already read).
  for (const route of RAW_BODY_ROUTES) app.use(route, express.raw({ type: () => true, limit: RAW_BODY_LIMIT }));
  for (const route of LARGE_BODY_ROUTES) app.use(route, express.json({ limit: '5mb', strict: true }));
  app.use(express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT }));
  app.use(bodyErrorHandler);
  app.setGlobalPrefix('api', { exclude: PUBLIC_PAGES.map((p) => ({ path: p.path, method: p.method ?? RequestMethod.GET })) });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());

  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('AdvisorDesk API')
      .setDescription('The CRM of an education-advisory service: leads, catalogue, comparisons, reports, exports.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, openApi, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  if (options.serveAdminPanel) {
    serveWebsiteForm(app, origins, logger);
    serveAdmin(app, config, logger);
  }
  return app;
}
