import {
  documentStillNeeded,
  formatIstDate,
  UPLOAD_FIELD,
  UPLOAD_MAX_BYTES,
  type ComparisonContact,
  type DocumentStatus,
  type PublicUploadView,
} from '@advisordesk/shared';
import { DATA_RIGHTS_LINK, escapeHtml as escape, publicPage, talkBlock } from '@advisordesk/api-core';

/** The script that uploads with a progress bar (served from our origin: the CSP allows no inline script). */
export const UPLOAD_SCRIPT_PATH = '/api/public/upload-page.js';

const STYLE = `
main{max-width:640px;margin:0 auto;padding:16px}.muted{color:#6b7280;font-size:.9rem}
.summary{background:#fff;border-radius:10px;padding:14px;margin:0 0 14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.summary strong{font-size:1.1rem}.bar{height:8px;background:#e5e7eb;border-radius:4px;margin-top:8px;overflow:hidden}.bar span{display:block;height:100%;background:#1f8f4e}
ul.docs{list-style:none;margin:0;padding:0;display:grid;gap:12px}
.doc{background:#fff;border-radius:10px;padding:14px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
.doc h2{margin:0;font-size:1.02rem;display:flex;justify-content:space-between;gap:8px;align-items:flex-start}
.state{font-size:.8rem;font-weight:600;border-radius:12px;padding:2px 10px;white-space:nowrap}
.state.missing{background:#fef3c7;color:#92400e}.state.missing.optional{background:#eef0f4;color:#4b5563}.state.rejected{background:#fee2e2;color:#991b1b}.state.uploaded{background:#dbeafe;color:#1e40af}.state.verified{background:#dcfce7;color:#166534}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.pick{position:relative;display:inline-flex;align-items:center;justify-content:center;min-height:44px;padding:8px 16px;border-radius:8px;font-weight:600;flex:1 1 140px;cursor:pointer}
.pick.camera{background:#1d3a8a;color:#fff}.pick.file{border:1px solid #1d3a8a;color:#1d3a8a;background:#fff}
.pick input{position:absolute;inset:0;opacity:0;width:100%;cursor:pointer}
.send{min-height:44px;padding:8px 16px;border-radius:8px;border:0;background:#1f8f4e;color:#fff;font-weight:600;flex:1 1 100%}
.js .send{display:none}
progress{width:100%;height:10px;margin-top:10px}.problem{color:#991b1b;margin:8px 0 0}
.notice{border-radius:10px;padding:12px 14px;margin:0 0 14px}.notice.ok{background:#dcfce7;color:#166534}.notice.error{background:#fee2e2;color:#991b1b}
footer{max-width:640px;margin:0 auto;padding:8px 16px 32px;color:#6b7280;font-size:.85rem}`;

const STATE_TEXT: Record<DocumentStatus, string> = {
  missing: 'Needed',
  rejected: 'Please upload again',
  uploaded: 'Received · being checked',
  verified: 'Verified ✓',
};

export interface UploadPageNotice {
  kind: 'ok' | 'error';
  text: string;
}

/** The student's upload page: what is still needed, each with "Take a photo" and "Choose a file"; works without JavaScript. */
export function renderUploadPage(token: string, view: PublicUploadView, contact: ComparisonContact | null, notice?: UploadPageNotice): string {
  const received = view.documents.filter((d) => d.status === 'uploaded' || d.status === 'verified').length;
  const needed = view.documents.filter((d) => d.required && documentStillNeeded(d.status)).length;
  const percent = view.documents.length ? Math.round((received / view.documents.length) * 100) : 100;
  const items = view.documents
    .map((d) => {
      const form = documentStillNeeded(d.status)
        ? `<form class="upload" method="post" enctype="multipart/form-data" action="/u/${escape(token)}/${escape(d.id)}" data-document="${escape(d.id)}">
  <div class="actions"><label class="pick camera">Take a photo<input type="file" name="${UPLOAD_FIELD}" accept="image/*" capture="environment"></label>
  <label class="pick file">Choose a file<input type="file" name="${UPLOAD_FIELD}" accept="application/pdf,image/jpeg,image/png"></label>
  <button class="send" type="submit">Upload</button></div></form>`
        : '';
      // An optional document still missing says so, instead of "Needed".
      const state = d.status === 'missing' && !d.required ? 'Optional' : STATE_TEXT[d.status];
      return `<li class="doc" id="doc-${escape(d.id)}"><h2><span>${escape(d.label)}</span><span class="state ${d.status}${d.required ? '' : ' optional'}">${state}</span></h2>${form}</li>`;
    })
    .join('');
  const summary = needed
    ? `<strong>${needed} required document${needed === 1 ? '' : 's'} still needed</strong>`
    : `<strong>All required documents received — thank you!</strong>`;
  return publicPage(
    'Upload your documents',
    `<header><h1>Hi ${escape(view.firstName)}, upload your documents</h1><p>For ${escape(view.program)}, ${escape(view.university)}</p></header>
<main>${notice ? `<p class="notice ${notice.kind}" role="status">${escape(notice.text)}</p>` : ''}
<section class="summary">${summary}<div class="muted">${received} of ${view.documents.length} received · PDF, JPG or PNG, up to ${UPLOAD_MAX_BYTES / 1024 / 1024} MB each</div><div class="bar"><span style="width:${percent}%"></span></div></section>
<ul class="docs">${items}</ul>${talkBlock(contact)}</main>
<footer>Only your advisor's team sees these files; they are used for your application and nothing else. A clear photo of the whole page, in good light, is best.
This link works until ${formatIstDate(view.expiresAt)}. ${DATA_RIGHTS_LINK}</footer>`,
    STYLE,
    `<script src="${UPLOAD_SCRIPT_PATH}" defer></script>`,
  );
}

export function renderUploadProblemPage(status: 404 | 410, contact: ComparisonContact | null): string {
  const [title, text] =
    status === 410
      ? ['This upload link has expired', 'Upload links work for 7 days. Ask your advisor on WhatsApp for a new one.']
      : ['Upload link not found', 'This link is not valid. Please check that you opened the whole link your advisor sent you.'];
  return publicPage(title, `<header><h1>${title}</h1></header><main>${talkBlock(contact)}<div class="doc"><p>${text}</p></div></main>`, STYLE);
}

/**
 * Progressive enhancement: choosing a file uploads it at once with a progress bar (XHR to the JSON
 * API), refusing a file over 10 MB before sending it; without JavaScript the form posts as usual.
 */
export const UPLOAD_SCRIPT = `(function () {
  document.documentElement.classList.add('js');
  var MAX = ${UPLOAD_MAX_BYTES};
  var token = location.pathname.split('/')[2];
  document.querySelectorAll('form.upload').forEach(function (form) {
    form.querySelectorAll('input[type=file]').forEach(function (input) {
      input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        if (!file) return;
        var old = form.querySelector('.problem'); if (old) old.remove();
        var say = function (text) { var p = document.createElement('p'); p.className = 'problem'; p.setAttribute('role', 'alert'); p.textContent = text; form.appendChild(p); };
        if (file.size > MAX) { say('This file is larger than 10 MB: take the photo again, or scan to PDF.'); input.value = ''; return; }
        var bar = document.createElement('progress'); bar.max = 100; bar.value = 0; form.appendChild(bar);
        form.querySelectorAll('input').forEach(function (i) { i.disabled = true; });
        var body = new FormData(); body.append('${UPLOAD_FIELD}', file);
        var xhr = new XMLHttpRequest();
        xhr.open('PUT', '/api/public/uploads/' + encodeURIComponent(token) + '/' + encodeURIComponent(form.dataset.document));
        xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100); };
        xhr.onload = function () {
          if (xhr.status >= 200 && xhr.status < 300) { location.replace('/u/' + token + '?uploaded=' + encodeURIComponent(form.dataset.document)); return; }
          var message = 'The upload did not work: please try again.';
          try { message = JSON.parse(xhr.responseText).message || message; } catch (e) {}
          bar.remove(); form.querySelectorAll('input').forEach(function (i) { i.disabled = false; }); input.value = ''; say(message);
        };
        xhr.onerror = function () { bar.remove(); form.querySelectorAll('input').forEach(function (i) { i.disabled = false; }); say('No connection: please try again.'); };
        xhr.send(body);
      });
    });
  });
})();
`;
