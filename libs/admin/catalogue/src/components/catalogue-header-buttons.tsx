import type { ReactNode } from 'react';
import { CreateButton } from '@refinedev/antd';
import { useGo } from '@refinedev/core';
import { Button, Space } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ViewOnlyTag } from '@advisordesk/admin-ui';

/** A catalogue list's header: Import CSV and Add for those who may change the catalogue, "View only" for the rest. */
export function CatalogueHeaderButtons({ canEdit, resource, createLabel }: { canEdit: boolean; resource: string; createLabel: ReactNode }) {
  const go = useGo();
  if (!canEdit) return <ViewOnlyTag />;
  return (
    <Space wrap>
      <Button icon={<UploadOutlined />} onClick={() => go({ to: '/catalogue/import' })}>
        Import CSV
      </Button>
      <CreateButton resource={resource}>{createLabel}</CreateButton>
    </Space>
  );
}
