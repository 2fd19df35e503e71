import {
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_KINDS,
  DATA_REQUEST_MESSAGE_MAX_LENGTH,
  VERIFICATION_CODE_LENGTH,
  VERIFICATION_CODE_MINUTES,
  type DataRequestKind,
  type DataRequestVerification,
} from '@advisordesk/shared';
import { escapeHtml as escape, publicPage } from '@advisordesk/api-core';

/** The script that sends the request and the code (served from our origin: the CSP allows no inline script). */
export const PRIVACY_SCRIPT_PATH = '/api/public/privacy-page.js';

/** What each request means, in plain words, under its label. */
const KIND_TEXT: Record<DataRequestKind, string> = {
  access: 'What personal data we hold about you, what we use it for, and with whom we shared it.',
  correction: 'Fix details that are wrong or incomplete, or bring them up to date.',
  erasure: 'Delete your data. We keep only what the law requires us to keep, and tell you what that is.',
  withdrawal: 'Stop WhatsApp updates and marketing messages. What we did before you withdrew stays lawful.',
  nomination: 'Name someone who may use these rights for you if you die or cannot act yourself.',
};

/** How the person proves the number is theirs, said when the request is received. */
const VERIFICATION_TEXT: Record<DataRequestVerification, string> = {
  whatsapp: `We sent a ${VERIFICATION_CODE_LENGTH}-digit code on WhatsApp to that number.`,
  email: 'If we hold an email address for this number, we sent a code to it; if none arrives, we will call you.',
  staff: 'We will call you on this number to confirm it is you.',
};

const STYLE = `
main{max-width:640px;margin:0 auto;padding:16px}.muted{color:#6b7280;font-size:.9rem;margin:0 0 14px}
.card{background:#fff;border-radius:10px;padding:16px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.card h2{margin:0 0 10px;font-size:1.1rem}
.field{margin:0 0 16px}.field>label,legend{display:block;font-weight:600;margin:0 0 6px;padding:0}
fieldset{border:0;margin:0 0 16px;padding:0;min-width:0}
input[type=tel],input[type=text],input[inputmode=numeric],textarea{width:100%;font:inherit;font-size:1rem;padding:10px 12px;min-height:48px;border:1px solid #9ca3af;border-radius:8px;background:#fff}
textarea{min-height:96px;resize:vertical}input:focus,textarea:focus{outline:3px solid #93c5fd;border-color:#1d3a8a}
[aria-invalid=true]{border-color:#b91c1c}
.kind{display:flex;gap:12px;align-items:flex-start;min-height:48px;padding:10px 12px;border:1px solid #d1d5db;border-radius:8px;margin:0 0 8px;cursor:pointer}
.kind input{width:22px;height:22px;margin:2px 0 0;flex:0 0 auto}.kind span{display:block}.kind small{display:block;color:#6b7280}
.kind:has(input:checked){border-color:#1d3a8a;background:#eef2ff}
.hint{color:#6b7280;font-size:.85rem;margin:4px 0 0}.optional{font-weight:400;color:#6b7280}
.error{color:#b91c1c;margin:6px 0 0;font-size:.95rem}
button{font:inherit;font-weight:600;min-height:48px;padding:10px 18px;border-radius:8px;cursor:pointer;width:100%}
button.primary{border:0;background:#1d3a8a;color:#fff}button.secondary{border:1px solid #1d3a8a;background:#fff;color:#1d3a8a;margin-top:10px}
button:disabled{opacity:.6;cursor:wait}
.reference{font-size:1.2rem;font-weight:700;letter-spacing:.04em;overflow-wrap:anywhere}
.notice{border-radius:8px;padding:10px 12px;margin:0 0 12px}.notice.ok{background:#dcfce7;color:#166534}.notice.error{background:#fee2e2;color:#991b1b}
footer{max-width:640px;margin:0 auto;padding:8px 16px 32px;color:#6b7280;font-size:.85rem}`;

/** Where the API's error on a field shows; `invalid` says in plain words what a refused value should be. */
const fieldError = (name: string, invalid: string) => `<p class="error" data-error-for="${name}" data-invalid="${escape(invalid)}" hidden></p>`;

const field = (name: string, label: string, input: string, invalid: string, hint = '') =>
  `<div class="field"><label for="${name}">${label}</label>${input}${hint ? `<p class="hint" id="${name}-hint">${hint}</p>` : ''}${fieldError(name, invalid)}</div>`;

/**
 * `/privacy`: what a person may ask of us about their data (DPDP Act ss. 11–14), and the form to
 * ask it; the script sends it, then asks for the code, or says staff will call.
 */
export function renderPrivacyPage(): string {
  const kinds = DATA_REQUEST_KINDS.map(
    (kind) =>
      `<label class="kind"><input type="radio" name="kind" value="${kind}" required><span>${escape(DATA_REQUEST_KIND_LABELS[kind])}<small>${KIND_TEXT[kind]}</small></span></label>`,
  ).join('');
  const verifications = (Object.keys(VERIFICATION_TEXT) as DataRequestVerification[])
    .map((v) => `<p data-verification="${v}" hidden>${VERIFICATION_TEXT[v]}</p>`)
    .join('');
  return publicPage(
    'Your data rights',
    `<header><h1>Your data rights</h1><p>Ask us to show you the personal data we hold about you, to correct it, to erase it, or to stop using it.</p></header>
<main>
<noscript><p class="card">This form needs JavaScript. Please turn it on, or ask your advisor.</p></noscript>
<form class="card" id="request-form" novalidate aria-labelledby="request-title">
<h2 id="request-title">Make a request</h2>
${field('phone', 'Your mobile number', '<input type="tel" id="phone" name="phone" autocomplete="tel" inputmode="tel" required aria-describedby="phone-hint">', 'Enter the 10-digit mobile number you gave us', 'The number you gave us, e.g. 98765 43210. We confirm it is yours before we act.')}
<fieldset id="kind"><legend>What do you ask?</legend>${kinds}${fieldError('kind', 'Choose what you ask for')}</fieldset>
${field('message', 'Anything we should know <span class="optional">(optional)</span>', `<textarea id="message" name="message" maxlength="${DATA_REQUEST_MESSAGE_MAX_LENGTH}" aria-describedby="message-hint"></textarea>`, `Keep it to ${DATA_REQUEST_MESSAGE_MAX_LENGTH} characters or fewer`, 'For a correction, say what is wrong and what it should be.')}
<fieldset id="nominee" hidden><legend>Your nominee</legend>
${field('nominee.name', 'Nominee’s full name', '<input type="text" id="nominee.name" name="nominee.name" autocomplete="off">', 'Enter your nominee’s full name')}
${field('nominee.phone', 'Nominee’s mobile number', '<input type="tel" id="nominee.phone" name="nominee.phone" autocomplete="off" inputmode="tel">', 'Enter your nominee’s mobile number')}
</fieldset>
<p class="muted">Once you confirm the request, we tell you the date by which we will answer. If you are not satisfied with our answer, you may complain to the Data Protection Board of India.</p>
<p class="notice error" data-error-for="" role="alert" hidden></p>
<button class="primary" type="submit">Send request</button>
</form>
<section class="card" id="verify-step" hidden aria-labelledby="verify-title" tabindex="-1">
<h2 id="verify-title">Confirm it is you</h2>${verifications}
<p>Your reference: <span class="reference" data-reference></span></p>
<form id="code-form" novalidate>
<p class="notice ok" data-resent role="status" hidden>We sent a new code.</p>
${field('code', `The ${VERIFICATION_CODE_LENGTH}-digit code`, `<input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="${VERIFICATION_CODE_LENGTH}" pattern="[0-9]*" required aria-describedby="code-hint">`, `Enter the ${VERIFICATION_CODE_LENGTH} digits we sent`, `The code works for ${VERIFICATION_CODE_MINUTES} minutes.`)}
<p class="notice error" data-error-for="" role="alert" hidden></p>
<button class="primary" type="submit">Confirm</button>
<button class="secondary" type="button" id="resend">Send a new code</button>
</form>
</section>
<section class="card" id="done-step" hidden aria-labelledby="done-title" tabindex="-1">
<h2 id="done-title">Your request is confirmed</h2>
<p>Your reference: <span class="reference" data-reference></span></p>
<p>We will answer by <strong data-due></strong>.</p>
<p>What happens next: our team looks at your request and contacts you on this number. If we need to know more, we will call you first. Keep the reference to ask about it.</p>
</section>
</main>
<footer>We use what you send here only to answer your request, and keep a record that we did.</footer>`,
    STYLE,
    `<script src="${PRIVACY_SCRIPT_PATH}" defer></script>`,
  );
}

/**
 * Sends the request as JSON, shows the API's field errors beside their fields, then the next step
 * by how the person is verified: the code box (WhatsApp or email), or the promise of a call.
 */
export const PRIVACY_SCRIPT = `(function () {
  var API = '/api/public/data-requests';
  var requestForm = document.getElementById('request-form');
  var codeForm = document.getElementById('code-form');
  var verifyStep = document.getElementById('verify-step');
  var doneStep = document.getElementById('done-step');
  var nominee = document.getElementById('nominee');
  var reference = null;
  var dueDate = new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Kolkata' });

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }
  function showError(form, field, message, invalid) {
    var target = form.querySelector('[data-error-for="' + field + '"]') || form.querySelector('[data-error-for=""]');
    // A refused value is said in the page's words; any other refusal (a wrong code) in the API's.
    if (invalid && target.getAttribute('data-invalid')) message = target.getAttribute('data-invalid');
    target.textContent = target.textContent ? target.textContent + ' ' + message : message;
    target.hidden = false;
    var input = form.querySelector('[name="' + field + '"]');
    if (input) input.setAttribute('aria-invalid', 'true');
    return input;
  }
  function showProblem(form, status, body) {
    var errors = (body && body.fields) || [];
    var invalid = body && body.code === 'common.validation';
    var first = null;
    errors.forEach(function (e) { var input = showError(form, e.field || '', e.message, invalid); first = first || input; });
    if (!errors.length) {
      var text = (body && body.message) || (status === 429 ? 'Too many requests: please try again in a few minutes.' : 'Something went wrong on our side. Please try again.');
      showError(form, '', text);
    }
    if (first) first.focus();
  }
  function post(path, body) {
    return fetch(API + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) }).then(
      function (response) { return response.text().then(function (text) { var data = null; try { data = text ? JSON.parse(text) : null; } catch (e) {} return { status: response.status, data: data }; }); },
      function () { return { status: 0, data: { message: 'No connection. Check your internet and try again.' } }; }
    );
  }
  function busy(form, on) { form.querySelectorAll('button').forEach(function (b) { b.disabled = on; }); }
  function showVerification(kind) {
    verifyStep.querySelectorAll('[data-verification]').forEach(function (p) { p.hidden = p.getAttribute('data-verification') !== kind; });
    codeForm.hidden = kind === 'staff';
  }
  function setReference(value) {
    reference = value;
    document.querySelectorAll('[data-reference]').forEach(function (el) { el.textContent = value; });
  }

  requestForm.addEventListener('change', function () {
    var kind = requestForm.querySelector('input[name=kind]:checked');
    nominee.hidden = !kind || kind.value !== 'nomination';
  });
  requestForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors(requestForm);
    var kind = requestForm.querySelector('input[name=kind]:checked');
    var body = { phone: requestForm.elements.phone.value.trim(), kind: kind ? kind.value : '' };
    var message = requestForm.elements.message.value.trim();
    if (message) body.message = message;
    if (body.kind === 'nomination') body.nominee = { name: requestForm.elements['nominee.name'].value.trim(), phone: requestForm.elements['nominee.phone'].value.trim() };
    busy(requestForm, true);
    post('', body).then(function (answer) {
      busy(requestForm, false);
      if (answer.status !== 202) return showProblem(requestForm, answer.status, answer.data);
      setReference(answer.data.reference);
      showVerification(answer.data.verification);
      requestForm.hidden = true;
      verifyStep.hidden = false;
      verifyStep.focus();
      if (!codeForm.hidden) codeForm.elements.code.focus();
    });
  });
  codeForm.addEventListener('submit', function (event) {
    event.preventDefault();
    clearErrors(codeForm);
    codeForm.querySelector('[data-resent]').hidden = true;
    busy(codeForm, true);
    post('/' + encodeURIComponent(reference) + '/verify', { code: codeForm.elements.code.value.trim() }).then(function (answer) {
      busy(codeForm, false);
      if (answer.status !== 200) return showProblem(codeForm, answer.status, answer.data);
      doneStep.querySelector('[data-due]').textContent = dueDate.format(new Date(answer.data.dueAt));
      verifyStep.hidden = true;
      doneStep.hidden = false;
      doneStep.focus();
    });
  });
  document.getElementById('resend').addEventListener('click', function () {
    clearErrors(codeForm);
    var resent = codeForm.querySelector('[data-resent]');
    resent.hidden = true;
    busy(codeForm, true);
    post('/' + encodeURIComponent(reference) + '/resend').then(function (answer) {
      busy(codeForm, false);
      if (answer.status !== 202) return showProblem(codeForm, answer.status, answer.data);
      showVerification(answer.data.verification);
      resent.hidden = codeForm.hidden;
    });
  });
})();
`;
