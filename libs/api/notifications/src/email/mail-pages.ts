import { escapeHtml as escape, publicPage } from '@advisordesk/api-core';

/** A plain, readable email: a heading, lines, a button-like link, a footer; the same words as text. */
export function mailHtml(heading: string, paragraphs: string[], action: { label: string; url: string } | null, footer: string): string {
  return `<!doctype html><html lang="en-IN"><body style="margin:0;padding:16px;background:#f4f6fb;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2937">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:10px;padding:20px">
<h1 style="font-size:18px;margin:0 0 12px;color:#1d3a8a">${escape(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 10px;line-height:1.5">${p}</p>`).join('\n')}
${action ? `<p style="margin:16px 0"><a href="${escape(action.url)}" style="display:inline-block;background:#1d3a8a;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none;font-weight:600">${escape(action.label)}</a></p>` : ''}
<p style="margin:16px 0 0;color:#6b7280;font-size:13px">${footer}</p></div></body></html>`;
}

export function unsubscribedPage(done: boolean): string {
  const [title, text] = done
    ? ['You will not get the morning digest any more', 'You can switch it on again in AdvisorDesk, under your notification settings.']
    : ['Stop the morning digest?', 'You will still see your follow-ups in AdvisorDesk.'];
  return publicPage(
    title,
    `<header><h1>${title}</h1></header><main style="max-width:560px;margin:0 auto;padding:16px"><p>${text}</p>${
      done
        ? ''
        : `<form method="post"><button type="submit" style="min-height:44px;padding:8px 16px;border-radius:8px;border:0;background:#1d3a8a;color:#fff;font-weight:600">Stop the digest</button></form>`
    }</main>`,
  );
}
