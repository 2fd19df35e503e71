import { Alert, Button } from 'antd';
import type { ApiRequestError } from '@advisordesk/admin-data';

/** A read that failed: what could not be loaded, the API's reason, and "Try again". */
export function LoadError({ what, error, retry }: { what: string; error: ApiRequestError | null | undefined; retry: () => unknown }) {
  return (
    <Alert
      type="error"
      showIcon
      message={`Could not load ${what}`}
      description={error?.message}
      action={
        <Button size="small" onClick={() => retry()}>
          Try again
        </Button>
      }
    />
  );
}
