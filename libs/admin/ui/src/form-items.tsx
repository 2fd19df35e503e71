import { Form, Input, InputNumber, Select, type InputProps } from 'antd';
import type { ReactNode } from 'react';

/** Trimmed text, or null for a blank field (so saving a cleared field clears it). */
export const blankToNull = (value: string | null | undefined): string | null => (value && value.trim() ? value.trim() : null);

interface ItemProps {
  label: string;
  name: string;
  extra?: ReactNode;
}

/** A text field that may be left blank, of at most `max` characters. */
export function OptionalTextItem({
  label,
  name,
  extra,
  max,
  placeholder,
  inputMode,
}: ItemProps & { max: number; placeholder?: string; inputMode?: InputProps['inputMode'] }) {
  return (
    <Form.Item label={label} name={name} rules={[{ max }]} extra={extra}>
      <Input inputMode={inputMode} autoComplete="off" placeholder={placeholder} />
    </Form.Item>
  );
}

/** A choice that may be left empty, or cleared again. */
export function OptionalSelectItem({
  label,
  name,
  extra,
  options,
  placeholder = 'Choose',
}: ItemProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Form.Item label={label} name={name} extra={extra}>
      <Select options={options} allowClear placeholder={placeholder} aria-label={label} />
    </Form.Item>
  );
}

/** A whole number that may be left blank, between `min` and `max`. */
export function OptionalNumberItem({ label, name, extra, min, max, inputMode }: ItemProps & { min: number; max: number; inputMode?: 'numeric' }) {
  return (
    <Form.Item label={label} name={name} extra={extra}>
      <InputNumber min={min} max={max} precision={0} inputMode={inputMode} style={{ width: '100%' }} />
    </Form.Item>
  );
}
