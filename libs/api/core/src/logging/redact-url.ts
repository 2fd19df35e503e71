export const REDACTED = '[redacted]';

/** Paths whose next segment is a secret token: comparisons, unsubscribe links, uploads. */
const TOKEN_PATH = /^(\/+(?:api\/+public\/+(?:comparisons|unsubscribe|uploads)|c|u)\/+)[^/]+/i;

/** Query parameters that carry what a user searched for or a person's details, with their list operators. */
const PERSONAL_PARAMS = new Set(['q', 'phone', 'email', 'fullname']);
const OPERATOR = /_(?:like|ne|gte|lte)$/;

function isPersonalParam(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' '));
  } catch {
    return true;
  }
  // `phone[]=…` and `phone[0]=…` are the same parameter to the extended query parser.
  return PERSONAL_PARAMS.has(name.replace(/\[.*$/, '').replace(OPERATOR, '').trim().toLowerCase());
}

/** A request URL fit for the logs: tokens in public links and the values of search parameters replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(TOKEN_PATH, `$1${REDACTED}`);
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals !== -1 && isPersonalParam(pair.slice(0, equals)) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    });
  return `${path}?${query.join('&')}`;
}

/** A database or Redis address fit for the logs: its password replaced by `[redacted]`. */
export function redactConnectionUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, `$1${REDACTED}@`);
}
