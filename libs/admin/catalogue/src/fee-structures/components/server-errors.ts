import type { FormInstance } from 'antd';
import type { ApiRequestError } from '@advisordesk/admin-data';

/**
 * The API names amounts `components.2.amountPaise`; the form's field is `components.2.amount` (in
 * rupees). Other field names (label, due, validTo, session…) match and Refine places them already.
 */
export function showComponentErrors(form: FormInstance, error: ApiRequestError) {
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [key, messages] of Object.entries(error.errors ?? {})) {
    const match = /^components\.(\d+)\.amountPaise$/.exec(key);
    const list = (Array.isArray(messages) ? messages : [messages]).map((m) =>
      typeof m === 'string' ? m : String((m as { message?: string })?.message ?? m),
    );
    if (match) fields.push({ name: ['components', Number(match[1]), 'amount'], errors: list.map((m) => m.replace(/amountPaise/g, 'amount')) });
  }
  if (fields.length) form.setFields(fields);
}
