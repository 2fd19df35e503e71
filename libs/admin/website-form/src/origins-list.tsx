import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Typography } from 'antd';
import { WEBSITE_FORM_LIMITS } from '@advisordesk/shared';
import { originProblem } from './settings';

/** The websites allowed to post inquiries (CORS): one address a row. */
export function OriginsList() {
  return (
    <Form.List name="allowedOrigins">
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              No websites yet: the form works only on AdvisorDesk&apos;s own hosted page (and on websites in the server&apos;s CORS_ORIGINS setting).
            </Typography.Paragraph>
          )}
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="start">
              <Form.Item
                name={row.name}
                style={{ flex: 1, minWidth: 0, marginBottom: 8 }}
                validateTrigger={['onChange', 'onBlur']}
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      originProblem(value) ? Promise.reject(new Error(originProblem(value) ?? '')) : Promise.resolve(),
                  },
                ]}
              >
                <Input placeholder="https://www.example.in" inputMode="url" autoComplete="off" aria-label={`Allowed website ${index + 1}`} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`Remove allowed website ${index + 1}`} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} disabled={rows.length >= WEBSITE_FORM_LIMITS.origins} block>
            Add a website
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
