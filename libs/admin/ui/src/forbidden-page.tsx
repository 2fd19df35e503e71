import { useGo } from '@refinedev/core';
import { Button, Result } from 'antd';

/** What a page says to a role that may not use it (the shell's access wrapper, and pages that check more). */
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
