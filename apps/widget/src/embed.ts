import { capturePage } from './capture';
import { mountInquiryForm } from './form';
import { STYLES } from './styles';

/**
 * The Quick Inquiry widget. On any page:
 *
 *   <script src="https://<AdvisorDesk host>/embed.js" data-advisordesk-form async></script>
 *
 * renders the form right after the script tag (or into `data-target="#some-id"`), in a shadow root
 * so the page's styles and the form's never mix. It posts to the API it was loaded from.
 */
const MOUNTED = 'data-advisordesk-mounted';

function applyStyles(root: ShadowRoot) {
  // A constructed sheet is not an inline <style>, so a strict Content-Security-Policy on the host page does not block it.
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(Object.assign(document.createElement('style'), { textContent: STYLES }));
  }
}

function mount(script: HTMLScriptElement) {
  script.setAttribute(MOUNTED, '');
  const apiOrigin = (script.dataset.apiOrigin || new URL(script.src, location.href).origin).replace(/\/$/, '');
  const host = document.createElement('div');
  host.className = 'advisordesk-form';
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root);
  const standalone = script.hasAttribute('data-inline');
  const container = document.createElement('section');
  container.className = standalone ? 'adk standalone' : 'adk';
  root.append(container);

  const place = () => {
    const target = script.dataset.target ? document.querySelector(script.dataset.target) : null;
    if (target) target.append(host);
    else script.after(host);
    mountInquiryForm(container, { apiOrigin, page: capturePage(location.href, document.referrer), pageOrigin: location.origin, standalone });
  };
  // A target further down the page may not be parsed yet.
  if (script.dataset.target && document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place, { once: true });
  else place();
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement && !current.hasAttribute(MOUNTED)) mount(current);
else document.querySelectorAll<HTMLScriptElement>(`script[data-advisordesk-form]:not([${MOUNTED}])`).forEach(mount);
