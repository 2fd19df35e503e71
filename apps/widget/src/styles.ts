/** The widget's styles: scoped to its shadow root, mobile first (360 px and up). */
export const STYLES = `
:host{display:block;max-width:560px;color-scheme:light;text-align:left}
.adk{--blue:#1d4ed8;--blue-dark:#1e40af;--text:#1f2937;--muted:#4b5563;--line:#9ca3af;--red:#b91c1c;--green:#15803d;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--text);background:#fff;
border:1px solid #e5e7eb;border-radius:12px;padding:20px 16px;box-shadow:0 1px 3px rgba(0,0,0,.06);box-sizing:border-box;overflow-wrap:anywhere}
.adk.standalone{border:0;box-shadow:none;padding:20px 16px 32px}
.adk *,.adk *::before,.adk *::after{box-sizing:border-box}
[hidden]{display:none!important}
h1,h2,h3{margin:0 0 4px;line-height:1.25;font-weight:700;color:#111827}
h1{font-size:1.5rem}h2{font-size:1.35rem}h3{font-size:1.1rem}
.done h2:not(:first-of-type),.done h3{font-size:1.1rem;margin-top:16px}
.intro p{margin:0 0 16px;color:var(--muted)}
form{margin:0}
.field{margin:0 0 14px;min-width:0}
fieldset{border:0;margin:0;padding:0;min-width:0}
label,legend{display:block;font-weight:600;margin:0 0 4px;padding:0}
.optional{font-weight:400;color:var(--muted)}
.hint{margin:0 0 6px;font-size:.875rem;color:var(--muted)}
input[type=text],input[type=tel],input[type=email],select{display:block;width:100%;min-height:44px;margin:0;padding:8px 12px;
font:inherit;color:inherit;background:#fff;border:1px solid var(--line);border-radius:8px;appearance:none;-webkit-appearance:none}
select{padding-right:32px;text-overflow:ellipsis;white-space:nowrap}
.select{position:relative;display:block;min-width:0}
.select::after{content:"";position:absolute;right:13px;top:50%;width:7px;height:7px;margin-top:-6px;border:solid var(--muted);
border-width:0 2px 2px 0;transform:rotate(45deg);pointer-events:none}
input:focus-visible,select:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid rgba(29,78,216,.45);outline-offset:1px}
[tabindex="-1"]:focus{outline:none}
input:focus,select:focus{border-color:var(--blue)}
[aria-invalid=true]{border-color:var(--red)!important}
input[aria-invalid=true]:not([type=checkbox]):not([type=radio]){box-shadow:inset 0 0 0 1px var(--red)}
.error{margin:4px 0 0;font-size:.875rem;font-weight:600;color:var(--red)}
.error::before{content:"! ";font-weight:800}
.phone{display:flex;gap:8px}
.phone .select{flex:0 0 8rem}
.phone select{padding-left:10px;padding-right:26px}
.phone .select::after{right:10px}
.phone input{flex:1 1 auto;min-width:0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:0 12px}
.choices{display:flex;gap:12px}
.choice{display:flex;align-items:center;gap:8px;font-weight:400;min-height:44px;padding:0 16px 0 12px;border:1px solid var(--line);border-radius:8px;cursor:pointer;margin:0}
.choice:has(input:checked){border-color:var(--blue);background:#eff6ff}
.choice:has(input[aria-invalid=true]){border-color:var(--red)}
input[type=radio],input[type=checkbox]{width:20px;height:20px;margin:0;flex:0 0 auto;accent-color:var(--blue)}
.guardian{margin:0 0 14px;padding:14px 12px 2px;background:#f9fafb;border:1px solid #e5e7eb;border-radius:10px}
.guardian legend{float:left;width:100%;margin-bottom:4px;font-size:1rem}
.guardian legend+*{clear:both}
.consent{margin:4px 0 14px}
.consent legend{margin-bottom:6px}
.check-field{margin:0 0 10px}
.check{display:flex;align-items:flex-start;gap:10px;font-weight:400;cursor:pointer;margin:0}
.check input{margin-top:2px}
.notice{margin:4px 0 0;padding:10px 12px;font-size:.875rem;line-height:1.5;color:#374151;background:#f9fafb;border-radius:8px}
.notice p{margin:0;white-space:pre-line}
.notice-more summary{cursor:pointer;margin-top:8px;padding:6px 0;min-height:44px;display:flex;align-items:center;gap:8px;color:var(--blue);font-weight:600;list-style:none}
.notice-more summary::-webkit-details-marker{display:none}
.notice-more summary::before{content:"";flex:0 0 auto;width:7px;height:7px;border:solid currentColor;border-width:0 2px 2px 0;transform:rotate(-45deg);transition:transform .15s}
.notice-more[open] summary::before{transform:rotate(45deg)}
.notice-part h4{margin:10px 0 2px;font-size:.875rem;color:#111827}
.notice-part ul{margin:0;padding-left:1.25rem}
.notice-more>p{margin-top:10px}
.notice .notice-rights{min-height:44px;display:flex;align-items:center}
.notice[dir=rtl] .notice-part ul{padding-left:0;padding-right:1.25rem}
.language-row{display:flex;align-items:center;justify-content:flex-end;gap:8px;margin:0 0 8px}
.language-row label{margin:0;font-weight:400;font-size:.875rem;color:var(--muted)}
.language-row .select{flex:0 1 12rem}
.language-row select{min-height:40px}
a{color:var(--blue);text-decoration:underline;text-underline-offset:2px}
.hp{position:absolute!important;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
button{font:inherit;font-weight:600;min-height:44px;padding:10px 18px;border-radius:8px;cursor:pointer;border:1px solid transparent}
.primary{width:100%;background:var(--blue);color:#fff;font-size:1.0625rem}
.primary:hover{background:var(--blue-dark)}
.primary[aria-disabled=true]{opacity:.7;cursor:progress}
.secondary{background:#fff;color:var(--blue);border-color:var(--blue);margin-top:8px}
.status{margin:8px 0 0;min-height:1.5em;font-size:.875rem;color:var(--muted);text-align:center}
.status:empty{min-height:0;margin:0}
.alert,.unavailable{margin:0 0 14px;padding:12px;border:1px solid #fecaca;background:#fef2f2;border-radius:8px;color:#7f1d1d}
.alert p,.unavailable p{margin:0}
.alert-title{font-weight:700;margin-bottom:4px!important}
.loading{margin:0;color:var(--muted)}
.done{text-align:left}
.tick{width:44px;height:44px;border-radius:50%;background:#dcfce7;color:var(--green);font-size:26px;line-height:44px;text-align:center;font-weight:700;margin:0 0 10px}
.done p{margin:8px 0}
.reference{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:1.05em;letter-spacing:.02em;white-space:nowrap}
.next{margin:6px 0 12px;padding-left:1.25rem}
.next li{margin:0 0 6px}
@media (min-width:480px){.adk{padding:24px}}
`;
