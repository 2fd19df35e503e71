import { useLink } from '@refinedev/core';
import { Button, Result } from 'antd';

/**
 * What the lead's page shows when the lead does not come: not found (or not one of yours), or
 * could not load with a retry. antd's Result (and its pictures) loads only for these.
 */
export default function LeadLoadFailure({ notFound, message, onRetry }: { notFound: boolean; message?: string; onRetry: () => void }) {
  const Link = useLink();
  if (notFound)
    return (
      <Result
        status="404"
        title="Lead not found"
        subTitle="This lead does not exist, or it is not one of yours."
        extra={
          <Link to="/leads">
            <Button type="primary">Back to leads</Button>
          </Link>
        }
      />
    );
  return (
    <Result
      status="warning"
      title="Could not load this lead"
      subTitle={message}
      extra={
        <Button type="primary" onClick={onRetry}>
          Try again
        </Button>
      }
    />
  );
}
