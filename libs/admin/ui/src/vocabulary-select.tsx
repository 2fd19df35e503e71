import { Form, Select } from 'antd';
import { canonicalState, INDIA_STATES } from '@advisordesk/shared';

export interface VocabularyOption {
  value: string;
  label: string;
}

/** India's states and union territories, as a select's choices. */
export const STATE_OPTIONS: VocabularyOption[] = INDIA_STATES.map((state) => ({ value: state, label: state }));

/** Typed text matches a state by its name or by what `canonicalState` reads it as (`UP`, `Orissa`, `Pondicherry`). */
export function matchesState(typed: string, option?: { value?: unknown; label?: unknown }): boolean {
  const label = String(option?.label ?? '');
  return label.toLowerCase().includes(typed.trim().toLowerCase()) || canonicalState(typed) === option?.value;
}

/**
 * A searchable choice from a vocabulary (states, the offered courses) that may be left empty. A
 * value outside the list (an old lead's free text) stays, marked, until someone picks another.
 */
export function VocabularySelect({
  value,
  onChange,
  options,
  placeholder,
  label,
  loading,
  filterOption,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  options: VocabularyOption[];
  placeholder?: string;
  label: string;
  loading?: boolean;
  /** How typed text matches an option (default: within its label). */
  filterOption?: (typed: string, option?: { value?: unknown; label?: unknown }) => boolean;
}) {
  const odd = value && !options.some((option) => option.value === value) ? [{ value, label: `${value} (as typed)` }] : [];
  return (
    <Select
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={[...odd, ...options]}
      showSearch
      optionFilterProp="label"
      filterOption={filterOption ?? true}
      allowClear
      loading={loading}
      placeholder={placeholder}
      aria-label={label}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}

/** A form field choosing from a vocabulary (see `VocabularySelect`). */
export function VocabularySelectItem({
  label,
  name,
  options,
  placeholder,
  loading,
  filterOption,
}: {
  label: string;
  name: string;
  options: VocabularyOption[];
  placeholder?: string;
  loading?: boolean;
  filterOption?: (typed: string, option?: { value?: unknown; label?: unknown }) => boolean;
}) {
  return (
    <Form.Item label={label} name={name}>
      <VocabularySelect options={options} placeholder={placeholder} label={label} loading={loading} filterOption={filterOption} />
    </Form.Item>
  );
}
