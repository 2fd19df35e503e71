import { useGo } from '@refinedev/core';
import { Button, Result } from 'antd';

export function ForbiddenPage() {
  const go = useGo();
  return (
    <Result
      status="403"
      title="Not available for your role"
      subTitle="Your role does not include this part of AdvisorDesk. Ask an administrator if you need it."
      extra={
        <Button type="primary" onClick={() => go({ to: '/' })}>
          Back to the dashboard
        </Button>
      }
    />
  );
}

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
