import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Grid, Input, InputNumber, Row, Typography, type FormInstance } from 'antd';
import { formatInr, formatInrShort } from '@advisordesk/shared';
import { amountToPaise, groupIndianDigits, runningTotal, RUPEES_PATTERN, ungroupDigits, type FeeComponentRow } from '../rupees';

const DUE_SUGGESTIONS = [
  'at admission',
  'on registration',
  'each semester',
  'each year',
  'semester 1',
  'semester 2',
  'year 1',
  'year 2',
  'before exams',
  'on completion',
];
const DUE_LIST_ID = 'fee-due-suggestions';

const MAX_COMPONENTS = 40;

/**
 * Rows of label / amount in rupees / when due, added and removed freely, with the total shown as
 * it is typed (`₹1,75,000`). There is no total to type: it is always the sum of the rows, so the
 * form cannot send a total that disagrees with its components.
 */
export function FeeComponentsEditor({ form }: { form: FormInstance }) {
  const screens = Grid.useBreakpoint();
  const wide = screens.md === true;
  const rows = Form.useWatch<FeeComponentRow[] | undefined>('components', form);
  const total = runningTotal(rows);
  const pending = (rows ?? []).filter(
    (row) => row && row.amount !== undefined && row.amount !== null && row.amount !== '' && amountToPaise(row.amount) === null,
  ).length;

  return (
    <Form.List
      name="components"
      rules={[
        {
          validator: async (_, value: FeeComponentRow[] | undefined) => {
            if (!value?.length) throw new Error('Add at least one fee component');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div role="group" aria-label="Fee components">
          <datalist id={DUE_LIST_ID}>
            {DUE_SUGGESTIONS.map((value) => (
              <option key={value} value={value} />
            ))}
          </datalist>
          {wide && fields.length > 0 && (
            <Row gutter={12} style={{ marginBottom: 4 }} aria-hidden>
              <Col md={10}>
                <Typography.Text type="secondary">Component</Typography.Text>
              </Col>
              <Col md={6}>
                <Typography.Text type="secondary">Amount</Typography.Text>
              </Col>
              <Col md={6}>
                <Typography.Text type="secondary">Due</Typography.Text>
              </Col>
            </Row>
          )}
          {fields.map((field, index) => (
            <Row
              key={field.key}
              gutter={[12, 0]}
              align="top"
              data-testid="fee-component-row"
              style={wide ? undefined : { borderBottom: '1px dashed rgba(5,5,5,0.1)', marginBottom: 12 }}
            >
              <Col xs={24} md={10}>
                <Form.Item
                  name={[field.name, 'label']}
                  label={wide ? undefined : `Component ${index + 1}`}
                  rules={[
                    { required: true, whitespace: true, message: 'Name this fee' },
                    { max: 120, message: 'Keep it under 120 characters' },
                  ]}
                  style={{ marginBottom: 12 }}
                >
                  <Input placeholder="e.g. Semester 1 tuition" aria-label={`Component ${index + 1} label`} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name={[field.name, 'amount']}
                  label={wide ? undefined : 'Amount'}
                  rules={[
                    { required: true, message: 'Enter the amount' },
                    {
                      validator: async (_, value) => {
                        if (value === undefined || value === null || value === '') return;
                        if (!RUPEES_PATTERN.test(String(value)) || amountToPaise(value) === null) throw new Error('Rupees, up to 2 decimals');
                        if ((amountToPaise(value) ?? 0) > 1_00_00_000_00) throw new Error('At most ₹1 crore per component');
                      },
                    },
                  ]}
                  style={{ marginBottom: 12 }}
                >
                  <InputNumber<string>
                    stringMode
                    min="0"
                    controls={false}
                    prefix="₹"
                    inputMode="decimal"
                    formatter={(value) => groupIndianDigits(value)}
                    parser={(text) => ungroupDigits(text)}
                    placeholder="0"
                    aria-label={`Component ${index + 1} amount in rupees`}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  name={[field.name, 'due']}
                  label={wide ? undefined : 'Due'}
                  rules={[{ max: 120, message: 'Keep it under 120 characters' }]}
                  style={{ marginBottom: 12 }}
                >
                  <Input placeholder="e.g. at admission" aria-label={`Component ${index + 1} due`} autoComplete="off" list={DUE_LIST_ID} />
                </Form.Item>
              </Col>
              <Col xs={24} md={2} style={{ textAlign: wide ? 'left' : 'right', marginBottom: 12 }}>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  disabled={fields.length === 1}
                  aria-label={`Remove component ${index + 1}`}
                  danger={!wide}
                  type={wide ? 'text' : 'default'}
                >
                  {wide ? null : 'Remove'}
                </Button>
              </Col>
            </Row>
          ))}
          <Form.ErrorList errors={errors} />
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 4 }}>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ label: '', amount: '', due: '' })}
              disabled={fields.length >= MAX_COMPONENTS}
            >
              Add component
            </Button>
            <div aria-live="polite" style={{ textAlign: 'right', marginInlineStart: 'auto' }}>
              <Typography.Text type="secondary">Total </Typography.Text>
              <Typography.Text strong style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }} data-testid="fee-total">
                {formatInr(total)}
              </Typography.Text>
              {total >= 1_00_000_00 && (
                <Typography.Text type="secondary" data-testid="fee-total-short">
                  {' '}
                  ({formatInrShort(total)})
                </Typography.Text>
              )}
              {pending > 0 && (
                <div>
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {pending === 1 ? 'One amount is not a figure in rupees yet' : `${pending} amounts are not figures in rupees yet`}
                  </Typography.Text>
                </div>
              )}
            </div>
          </Flex>
        </div>
      )}
    </Form.List>
  );
}
