import { useGo } from '@refinedev/core';
import { Button, Result } from 'antd';

export { ForbiddenPage } from '@advisordesk/admin-ui';

/** Any address the panel does not know. (The role's "not for you" page is `ForbiddenPage` in @advisordesk/admin-ui, which areas show too.) */
export function NotFoundPage() {
  const go = useGo();
  return (
    <Result
      status="404"
      title="Page not found"
      subTitle="This address does not lead anywhere in AdvisorDesk."
      extra={
        <Button type="primary" onClick={() => go({ to: '/' })}>
          Back to the dashboard
        </Button>
      }
    />
  );
}
