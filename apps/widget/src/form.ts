import {
  formatPhone,
  INQUIRY_LIMITS,
  LEAD_MODE_LABELS,
  LEAD_MODES,
  PHONE_COUNTRIES,
  phoneFromForm,
  PROGRAM_LEVEL_LABELS,
  PROGRAM_LEVELS,
  PRIVACY_PAGE_PATH,
  noticeLanguage,
  type PhoneCountry,
  type PublicFormConfig,
  type PublicInquiryBody,
} from '@advisordesk/shared';
import { loadConfig, newIdempotencyKey, sendInquiry, type SubmitOutcome } from './api';
import type { PageContext } from './capture';
import { h, show } from './dom';
import { buildInquiry, FIELD_ORDER, type FieldErrors, type FieldName, type FormValues } from './inquiry';
import { ENGLISH, stringsFor, type WidgetStrings } from './strings';

export interface FormOptions {
  /** Where the API is: the origin embed.js was loaded from. */
  apiOrigin: string;
  /** The address, referrer and UTM parameters of the page the form sits on. */
  page: PageContext;
  /** The origin of that page, named when the API refuses it. */
  pageOrigin: string;
  /** The hosted page's form is the page's main heading. */
  standalone: boolean;
}

/** Server fields that are not typed by the person: when only these are refused, send without them. */
const CAPTURED = /^(sourceUrl|referrer|utm)(\.|$)/;

/** Addressed to whoever runs the website, so in English. */
const refusedMessage = (origin: string) =>
  `This website (${origin}) is not allowed to send inquiries to AdvisorDesk, so the form cannot be used here. If you run this website, add its address to the allowed websites in AdvisorDesk's Website form settings.`;

let uid = 0;

interface FieldParts {
  /** What gets focus when the field has an error. */
  focus: HTMLElement;
  /** What carries `aria-invalid` / `aria-describedby`. */
  controls: HTMLElement[];
  error: HTMLElement;
  hintId?: string;
}

/** Renders the Quick Inquiry form into `container` (inside the widget's shadow root) and runs it. */
export function mountInquiryForm(container: HTMLElement, options: FormOptions): void {
  const id = (name: string) => `adk${uid}-${name}`;
  uid++;
  const Heading = options.standalone ? 'h1' : 'h2';

  const loading = h('p', { class: 'loading', role: 'status' }, ENGLISH.loading);
  container.append(loading);

  /** Loads the form in `language` (the notice's, else English); `kept` is what the person typed before switching language. */
  const start = async (language?: string, kept?: FormValues) => {
    loading.textContent = stringsFor(language).loading;
    container.append(loading);
    const result = await loadConfig(options.apiOrigin, {}, language);
    loading.remove();
    if (result.ok) render(result.config, kept);
    else {
      const message =
        result.reason === 'refused'
          ? refusedMessage(options.pageOrigin)
          : result.reason === 'offline'
            ? "We couldn't load the form. Check your internet connection and try again."
            : 'The form is unavailable right now. Please try again in a few minutes.';
      const retry = h('button', { type: 'button', class: 'secondary' }, 'Try again');
      const box = h(
        'div',
        { class: 'unavailable', role: 'alert' },
        h('p', { class: 'alert-title' }, 'The inquiry form could not be loaded'),
        h('p', {}, message),
        result.reason === 'refused' ? null : retry,
      );
      retry.addEventListener('click', () => {
        box.remove();
        void start(language, kept);
      });
      container.append(box);
    }
  };
  // The browser's own language first, when the notice has it (the API answers English otherwise).
  const browserLanguage = (navigator.language || 'en').split('-')[0].toLowerCase();
  void start(browserLanguage === 'en' ? undefined : browserLanguage);

  function render(config: PublicFormConfig, kept?: FormValues) {
    const t: WidgetStrings = stringsFor(config.notice.language);
    const language = config.notice.language ?? 'en';
    const fields = new Map<FieldName, FieldParts>();
    let page = options.page;
    let submitted = false;
    let sending = false;
    let pending: { key: string; json: string } | null = null;

    // ---- building blocks ----
    const errorEl = (name: string) => h('p', { class: 'error', id: id(`${name}-error`), hidden: true });
    const hint = (name: string, text: string) => h('p', { class: 'hint', id: id(`${name}-hint`) }, text);
    const selectBox = (select: HTMLSelectElement) => h('span', { class: 'select' }, select);

    function textField(
      name: FieldName,
      label: string,
      input: HTMLInputElement | HTMLSelectElement,
      extra: { hint?: string; optional?: boolean } = {},
    ) {
      input.id = id(name);
      const error = errorEl(name);
      const hintId = extra.hint ? id(`${name}-hint`) : undefined;
      fields.set(name, { focus: input, controls: [input], error, hintId });
      if (hintId) input.setAttribute('aria-describedby', hintId);
      return h(
        'div',
        { class: 'field' },
        h('label', { for: input.id }, label, extra.optional ? h('span', { class: 'optional' }, t.optional) : null),
        extra.hint ? hint(name, extra.hint) : null,
        input instanceof HTMLSelectElement ? selectBox(input) : input,
        error,
      );
    }

    function phoneField(name: 'phone' | 'guardian.phone', label: string, hintText: string) {
      const country = h('select', { id: id(`${name}-country`), 'aria-label': t.countryCode(label) });
      for (const c of PHONE_COUNTRIES) country.append(h('option', { value: c.code }, `+${c.dial} ${c.name}`));
      const input = h('input', {
        id: id(name),
        type: 'tel',
        inputmode: 'tel',
        autocomplete: name === 'phone' ? 'tel' : 'off',
        maxlength: 25,
        placeholder: '98765 43210',
        'aria-describedby': id(`${name}-hint`),
      });
      country.addEventListener('change', () => (input.placeholder = country.value === 'IN' ? '98765 43210' : ''));
      const error = errorEl(name);
      fields.set(name, { focus: input, controls: [input], error, hintId: id(`${name}-hint`) });
      const wrapper = h(
        'div',
        { class: 'field' },
        h('label', { for: input.id }, label),
        hint(name, hintText),
        h('div', { class: 'phone' }, selectBox(country), input),
        error,
      );
      return { wrapper, country, input };
    }

    function checkbox(name: FieldName, text: string, describedBy?: string) {
      const input = h('input', { type: 'checkbox', id: id(name) });
      const error = errorEl(name);
      fields.set(name, { focus: input, controls: [input], error, hintId: describedBy });
      if (describedBy) input.setAttribute('aria-describedby', describedBy);
      return { wrapper: h('div', { class: 'check-field' }, h('label', { class: 'check', for: input.id }, input, h('span', {}, text)), error), input };
    }

    function fillSelect<T extends string>(select: HTMLSelectElement, placeholder: string, values: readonly T[], label: (v: T) => string) {
      select.append(h('option', { value: '' }, placeholder));
      for (const value of values) select.append(h('option', { value }, label(value)));
      return select;
    }

    // ---- the form ----
    const fullName = h('input', { type: 'text', autocomplete: 'name', maxlength: INQUIRY_LIMITS.fullName });
    const phone = phoneField('phone', t.labels.phone, t.phoneHint);
    const email = h('input', { type: 'email', autocomplete: 'email', maxlength: INQUIRY_LIMITS.email, inputmode: 'email' });
    const city = h('input', { type: 'text', autocomplete: 'address-level2', maxlength: INQUIRY_LIMITS.city });
    const course = fillSelect(h('select', {}), config.courses.length ? t.selectCourse : t.notSure, config.courses, (c) => c);
    if (config.courses.length) course.append(h('option', { value: '' }, t.notSure));
    const levels = config.levels?.length ? config.levels : PROGRAM_LEVELS;
    const modes = config.modes?.length ? config.modes : LEAD_MODES;
    const level = fillSelect(h('select', {}), t.anyLevel, levels, (l) => t.levels[l] ?? PROGRAM_LEVEL_LABELS[l] ?? l);
    const mode = fillSelect(h('select', {}), t.anyMode, modes, (m) => t.modes[m] ?? LEAD_MODE_LABELS[m] ?? m);

    // Are you under 18? — a yes asks for a parent or guardian before the form can be sent.
    const minorError = errorEl('minor');
    const minorYes = h('input', { type: 'radio', name: id('minor'), value: 'yes', id: id('minor-yes') });
    const minorNo = h('input', { type: 'radio', name: id('minor'), value: 'no', id: id('minor-no') });
    fields.set('minor', { focus: minorYes, controls: [minorYes, minorNo], error: minorError });
    const minorSet = h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, t.labels.minor),
      h(
        'div',
        { class: 'choices' },
        h('label', { class: 'choice', for: minorYes.id }, minorYes, h('span', {}, t.yes)),
        h('label', { class: 'choice', for: minorNo.id }, minorNo, h('span', {}, t.no)),
      ),
      minorError,
    );
    const guardianName = h('input', { type: 'text', autocomplete: 'off', maxlength: INQUIRY_LIMITS.fullName });
    const guardianPhone = phoneField('guardian.phone', t.labels['guardian.phone'], t.guardianPhoneHint);
    const guardianConsent = checkbox('guardian.consent', t.guardianConsent);
    const guardianSet = h(
      'fieldset',
      { class: 'guardian', hidden: true },
      h('legend', {}, t.guardianLegend),
      h('p', { class: 'hint' }, t.guardianIntro),
      textField('guardian.fullName', t.labels['guardian.fullName'], guardianName),
      guardianPhone.wrapper,
      guardianConsent.wrapper,
    );
    const onMinor = () => show(guardianSet, minorYes.checked);
    minorYes.addEventListener('change', onMinor);
    minorNo.addEventListener('change', onMinor);

    // Consent: two separate boxes, never ticked for the person, next to the notice they consent under.
    const noticeId = id('notice');
    const consentWhatsapp = checkbox('consent.whatsapp', t.consentWhatsapp, noticeId);
    const consentMarketing = checkbox('consent.marketing', t.consentMarketing, noticeId);
    const consentSet = h(
      'fieldset',
      { class: 'consent' },
      h('legend', {}, t.consentLegend),
      consentWhatsapp.wrapper,
      consentMarketing.wrapper,
      noticeBlock(config.notice, t, noticeId, `${options.apiOrigin}${PRIVACY_PAGE_PATH}`),
    );

    // The honeypot: off-screen and out of the tab order; people leave it empty, bots fill it.
    const website = h('input', { type: 'text', name: 'website', tabindex: -1, autocomplete: 'off', id: id('website') });
    const honeypot = h('div', { class: 'hp', 'aria-hidden': 'true' }, h('label', { for: website.id }, 'Website'), website);

    const alert = h('div', { class: 'alert', role: 'alert' });
    const alertText = h('p', {});
    const retry = h('button', { type: 'button', class: 'secondary', hidden: true }, t.tryAgain);
    alert.append(alertText, retry);
    show(alert, false);
    const submit = h('button', { type: 'submit', class: 'primary' }, t.send);
    const status = h('p', { class: 'status', role: 'status' });

    const form = h(
      'form',
      { novalidate: true, 'aria-labelledby': id('title') },
      textField('fullName', t.labels.fullName, fullName),
      phone.wrapper,
      textField('email', t.labels.email, email, { optional: true }),
      textField('city', t.labels.city, city),
      textField('courseInterest', t.labels.courseInterest, course),
      h('div', { class: 'pair' }, textField('level', t.labels.level, level), textField('mode', t.labels.mode, mode)),
      minorSet,
      guardianSet,
      consentSet,
      honeypot,
      alert,
      h('div', { class: 'actions' }, submit, status),
    );

    // The language of the notice and the form: the person's pick, sent with the consent.
    const picker = h('select', { id: id('language'), class: 'language' });
    for (const code of config.notice.languages ?? ['en'])
      picker.append(h('option', { value: code, lang: code, selected: code === language }, noticeLanguage(code)?.nativeName ?? code));
    const intro = h(
      'div',
      { class: 'intro' },
      (config.notice.languages ?? []).length > 1
        ? h('div', { class: 'language-row' }, h('label', { for: picker.id }, t.language), selectBox(picker))
        : null,
      h(Heading, { id: id('title') }, t.title),
      h('p', {}, t.intro),
    );
    const view = h('div', { lang: t.lang }, intro, form);
    container.append(view);
    picker.addEventListener('change', () => {
      const typed = values();
      view.remove();
      void start(picker.value, typed).then(() => container.querySelector<HTMLSelectElement>('select.language')?.focus());
    });

    if (kept) {
      fullName.value = kept.fullName;
      phone.country.value = kept.country;
      phone.input.value = kept.phone;
      email.value = kept.email;
      city.value = kept.city;
      course.value = kept.courseInterest;
      level.value = kept.level;
      mode.value = kept.mode;
      consentWhatsapp.input.checked = kept.consentWhatsapp;
      consentMarketing.input.checked = kept.consentMarketing;
      minorYes.checked = kept.minor === 'yes';
      minorNo.checked = kept.minor === 'no';
      guardianName.value = kept.guardianName;
      guardianPhone.country.value = kept.guardianCountry;
      guardianPhone.input.value = kept.guardianPhone;
      guardianConsent.input.checked = kept.guardianConsent;
      website.value = kept.website;
      onMinor();
    }

    // ---- behaviour ----
    const values = (): FormValues => ({
      fullName: fullName.value,
      country: phone.country.value as PhoneCountry,
      phone: phone.input.value,
      email: email.value,
      city: city.value,
      courseInterest: course.value,
      // The selects offer only the config's levels and modes (and "any": empty).
      level: level.value as FormValues['level'],
      mode: mode.value as FormValues['mode'],
      consentWhatsapp: consentWhatsapp.input.checked,
      consentMarketing: consentMarketing.input.checked,
      minor: minorYes.checked ? 'yes' : minorNo.checked ? 'no' : '',
      guardianName: guardianName.value,
      guardianCountry: guardianPhone.country.value as PhoneCountry,
      guardianPhone: guardianPhone.input.value,
      guardianConsent: guardianConsent.input.checked,
      website: website.value,
    });

    function setError(name: FieldName, message: string | undefined) {
      const parts = fields.get(name);
      if (!parts) return;
      parts.error.textContent = message ?? '';
      show(parts.error, Boolean(message));
      const describedBy = [parts.hintId, message ? parts.error.id : undefined].filter(Boolean).join(' ');
      for (const control of parts.controls) {
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
        if (describedBy) control.setAttribute('aria-describedby', describedBy);
        else control.removeAttribute('aria-describedby');
      }
    }

    function showErrors(errors: FieldErrors, focusFirst: boolean) {
      for (const name of FIELD_ORDER) setError(name, errors[name]);
      const first = FIELD_ORDER.find((name) => errors[name]);
      if (focusFirst && first) fields.get(first)?.focus.focus();
    }

    function showAlert(message: string | null, canRetry = false) {
      alertText.textContent = message ?? '';
      show(alert, Boolean(message));
      show(retry, canRetry);
    }

    // Once the person has tried to send, errors clear as soon as the field is right.
    const recheck = () => {
      if (!submitted) return;
      const result = buildInquiry(values(), config.notice.version, page, language);
      const errors = result.ok ? {} : result.errors;
      for (const name of FIELD_ORDER) if (!errors[name] && !fields.get(name)?.error.hidden) setError(name, undefined);
    };
    form.addEventListener('input', recheck);
    form.addEventListener('change', recheck);

    function setSending(on: boolean, text = '') {
      sending = on;
      submit.setAttribute('aria-disabled', String(on));
      submit.textContent = on ? t.sending : t.send;
      status.textContent = text;
    }

    async function send() {
      if (sending) return;
      submitted = true;
      showAlert(null);
      const result = buildInquiry(values(), config.notice.version, page, language);
      if (!result.ok) {
        showErrors(result.errors, true);
        status.textContent = '';
        return;
      }
      showErrors({}, false);
      const body = result.body;
      // One key per submission: the same details sent again (a retry) reuse it.
      const json = JSON.stringify(body);
      if (pending?.json !== json) pending = { key: newIdempotencyKey(), json };
      setSending(true, t.sendingStatus);
      const outcome = await sendInquiry(options.apiOrigin, body, pending.key, {
        onRetry: () => (status.textContent = t.retrying),
      });
      setSending(false);
      handle(outcome, body);
    }

    function handle(outcome: SubmitOutcome, body: PublicInquiryBody) {
      switch (outcome.kind) {
        case 'created':
          pending = null;
          thankYou(outcome.reference, body);
          return;
        case 'invalid': {
          pending = null;
          const known: FieldErrors = {};
          let other: string | null = null;
          if (outcome.fields.length && outcome.fields.every((f) => CAPTURED.test(f.field)) && (page.sourceUrl || page.referrer || page.utm)) {
            // Only the page's own address or tags were refused: the person's inquiry matters more.
            page = {};
            void send();
            return;
          }
          for (const { field, message } of outcome.fields) {
            const name = (field === 'guardian' ? 'minor' : field) as FieldName;
            if (fields.has(name)) known[name] ??= message.startsWith(`${field} `) ? `${t.labels[name]} ${message.slice(field.length + 1)}` : message;
            else other ??= message;
          }
          showErrors(known, true);
          if (other || !Object.keys(known).length) showAlert(other ?? outcome.message);
          return;
        }
        case 'rate-limited':
          showAlert(t.rateLimited);
          retry.hidden = true;
          alert.focus();
          return;
        case 'unreachable':
          showAlert(outcome.reason === 'refused' ? refusedMessage(options.pageOrigin) : t.offline, outcome.reason === 'offline');
          if (outcome.reason === 'offline') retry.focus();
          return;
        case 'failed':
          showAlert(t.failed, true);
          retry.focus();
          return;
      }
    }

    function thankYou(reference: string, body: PublicInquiryBody) {
      const firstName = body.fullName.split(/\s+/)[0];
      const check = phoneFromForm(phone.country.value as PhoneCountry, phone.input.value).check;
      const number = check.ok ? formatPhone(check.e164) : body.phone;
      const heading = h(Heading, { tabindex: -1, id: id('thanks') }, t.thanks.title(firstName));
      const next = h('ol', { class: 'next' });
      if (body.consent.whatsapp) {
        next.append(h('li', {}, t.thanks.whatsapp(number)));
        next.append(h('li', {}, t.thanks.whatsappThen));
      } else {
        next.append(h('li', {}, t.thanks.call(number)));
        next.append(h('li', {}, t.thanks.callThen));
      }
      if (body.minor) next.append(h('li', {}, t.thanks.minor));
      const done = h(
        'div',
        { class: 'done', lang: t.lang },
        h('div', { class: 'tick', 'aria-hidden': 'true' }, '✓'),
        heading,
        h('p', {}, t.thanks.reference[0], h('strong', { class: 'reference' }, reference), t.thanks.reference[1]),
        h(Heading === 'h1' ? 'h2' : 'h3', {}, t.thanks.next),
        next,
        h('p', { class: 'hint' }, t.thanks.keep),
      );
      view.remove();
      container.append(done);
      heading.focus();
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send();
    });
    retry.addEventListener('click', () => void send());
    alert.tabIndex = -1;
  }
}

/**
 * The consent notice, standing on its own: the opening always shown, and every part (the data, the
 * purposes, withdrawal, rights, the Board, whom to contact) in a block a person opens on a phone.
 */
function noticeBlock(notice: PublicFormConfig['notice'], t: WidgetStrings, noticeId: string, rightsUrl: string): HTMLElement {
  const rtl = noticeLanguage(notice.language)?.rtl;
  const part = (title: string, ...body: (Node | string | null)[]) => h('div', { class: 'notice-part' }, h('h4', {}, title), ...body);
  const list = (items: string[] | undefined) => (items?.length ? h('ul', {}, ...items.map((item) => h('li', {}, item))) : null);
  const text = (value: string | undefined) => (value ? h('p', {}, value) : null);
  const contact = notice.contact
    ? h(
        'p',
        {},
        notice.contact.name,
        h('br'),
        h('a', { href: `mailto:${notice.contact.email}`, dir: 'ltr' }, notice.contact.email),
        h('br'),
        h('a', { href: `tel:${notice.contact.phone.replace(/[^\d+]/g, '')}`, dir: 'ltr' }, notice.contact.phone),
      )
    : null;
  const details = h(
    'details',
    { class: 'notice-more' },
    h('summary', {}, t.notice.more),
    notice.data?.length ? part(t.notice.data, list(notice.data)) : null,
    notice.purposes?.length ? part(t.notice.purposes, list(notice.purposes)) : null,
    notice.withdrawal ? part(t.notice.withdrawal, text(notice.withdrawal)) : null,
    notice.rights ? part(t.notice.rights, text(notice.rights)) : null,
    notice.board ? part(t.notice.board, text(notice.board)) : null,
    contact ? part(t.notice.contact, contact) : null,
    notice.url ? h('p', {}, h('a', { href: notice.url, target: '_blank', rel: 'noopener noreferrer' }, t.notice.fullNotice)) : null,
  );
  // Where the person asks to see, correct or erase their data (the notice itself may not link to it).
  const rights = h('p', { class: 'notice-rights' }, h('a', { href: rightsUrl, target: '_blank', rel: 'noopener noreferrer' }, t.notice.dataRights));
  return h(
    'div',
    { class: 'notice', lang: notice.language ?? 'en', dir: rtl ? 'rtl' : null },
    h('p', { id: noticeId }, notice.text),
    details,
    rights,
  );
}
