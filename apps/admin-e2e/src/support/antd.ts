import type { Locator, Page } from 'playwright-core';

/** Opens the antd Select whose combobox is named `label` (within `scope`) and picks the option with this text. */
export async function chooseOption(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await scope
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name: label, exact: true }) })
    .click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Types into a searchable antd Select and picks the first option that has this text. */
export async function searchAndChoose(page: Page, scope: Page | Locator, label: string, text: string, option: string | RegExp = text): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(text);
  const choice = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option:not(.ant-select-item-option-disabled)')
    .filter({ hasText: option })
    .first();
  await choice.waitFor();
  await choice.click();
}

/** Waits until a form field shows this value (a form fills in after its record loads). */
export async function waitForValue(field: Locator, value: string, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let seen = await field.inputValue();
  while (seen !== value) {
    if (Date.now() > deadline) throw new Error(`the field still shows ${JSON.stringify(seen)}, not ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await field.inputValue();
  }
}

/** The error under the form field labelled `label`. */
export function fieldError(dialog: Locator, label: string): Locator {
  return dialog
    .locator('.ant-form-item')
    .filter({ has: dialog.page().getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');
}
