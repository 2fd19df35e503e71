/**
 * What a PostgreSQL error means, read from the driver's SQLSTATE (TypeORM wraps it in
 * `driverError`). The one place that knows the codes: services ask `isUniqueViolation(error)`,
 * and the error filter maps the rest to 400/409/503.
 */

/** The SQLSTATE of a database error (TypeORM's wrapper or the driver's own), if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { driverError?: { code?: unknown } })?.driverError?.code ?? (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** A unique index refused the row: someone else has this phone, name, email… */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** A foreign key points at a row that does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlState(error) === '23503';
}

/** A NOT NULL column was given null. */
export function isNotNullViolation(error: unknown): boolean {
  return sqlState(error) === '23502';
}

/** A value PostgreSQL cannot read as its column's type (a malformed uuid, date or number, text too long). */
export function isBadValue(error: unknown): boolean {
  return ['22P02', '22007', '22008', '22003', '22001'].includes(sqlState(error) ?? '');
}

/** Text PostgreSQL cannot store (a NUL character, an invalid byte sequence). */
export function isUnstorableText(error: unknown): boolean {
  return ['22021', '22P05'].includes(sqlState(error) ?? '');
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

/**
 * True when an error says the database cannot be reached (refused, reset, shut down, starting,
 * out of connections, timed out), as opposed to refusing a statement. Such a request may succeed
 * when retried: it answers 503 with `Retry-After`, never 500.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 4; depth++) {
    const { code, name, message, driverError, cause } = current as {
      code?: unknown;
      name?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    // TypeORM drops a transaction's connection when it breaks; the commit then finds it released.
    if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message)) return true;
    current = driverError ?? cause;
  }
  return false;
}
