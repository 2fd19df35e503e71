import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { WEBSITE_FORM_LIMITS } from '@advisordesk/shared';
import { LEVEL_OPTIONS, MODE_OPTIONS } from '@advisordesk/admin-ui';

/**
 * The courses the form offers, one a row: its name, the program level it is and, if it is offered
 * in one, its mode. They are also what advisors pick a lead's course interest from.
 */
export function CoursesList() {
  return (
    <Form.List name="courses">
      {(rows, { add, remove }, { errors }) => (
        <>
          {rows.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              No courses yet: the form asks only for a level and a mode.
            </Typography.Paragraph>
          )}
          {rows.map((row, index) => (
            <Flex key={row.key} gap={8} align="start" wrap style={{ marginBottom: 8 }} data-testid="course-row">
              <Form.Item
                name={[row.name, 'name']}
                style={{ flex: '1 1 200px', minWidth: 0, marginBottom: 0 }}
                rules={[
                  { required: true, whitespace: true, message: 'Name the course, or remove this row' },
                  { max: WEBSITE_FORM_LIMITS.course, message: `Keep the name under ${WEBSITE_FORM_LIMITS.course} characters` },
                ]}
              >
                <Input placeholder="e.g. Online MBA" aria-label={`Course ${index + 1}`} autoComplete="off" />
              </Form.Item>
              <Flex gap={8} style={{ flex: '1 1 220px', minWidth: 0 }}>
                <Form.Item name={[row.name, 'level']} style={{ flex: 1, minWidth: 0, marginBottom: 0 }}>
                  <Select options={LEVEL_OPTIONS} placeholder="Level" allowClear aria-label={`Level of course ${index + 1}`} />
                </Form.Item>
                <Form.Item name={[row.name, 'mode']} style={{ flex: 1, minWidth: 0, marginBottom: 0 }}>
                  <Select options={MODE_OPTIONS} placeholder="Any mode" allowClear aria-label={`Mode of course ${index + 1}`} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={`Remove course ${index + 1}`} />
              </Flex>
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', level: null, mode: null })}
            disabled={rows.length >= WEBSITE_FORM_LIMITS.courses}
            block
          >
            Add a course
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
