import { InputNumber } from 'antd';

const indian = (value: string | number | undefined) => {
  const text = String(value ?? '').replace(/\D/g, '');
  if (!text) return '';
  const last3 = text.slice(-3);
  const rest = text.slice(0, -3);
  return rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3;
};

/**
 * Whole rupees typed with Indian grouping (`2,50,000`), held by the form as integer paise so
 * nothing is ever a float.
 */
export function RupeeInput({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: number | null;
  onChange?: (paise: number | null) => void;
  id?: string;
  placeholder?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={value === null || value === undefined ? null : Math.round(value / 100)}
      onChange={(rupees) => onChange?.(rupees === null || rupees === undefined ? null : Math.round(rupees) * 100)}
      formatter={(v) => indian(v)}
      parser={(text) => Number((text ?? '').replace(/\D/g, '')) || 0}
      min={0}
      max={10_00_00_000}
      precision={0}
      addonBefore="₹"
      inputMode="numeric"
      placeholder={placeholder}
      style={{ width: '100%' }}
    />
  );
}
