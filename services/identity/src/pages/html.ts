import { TEXTS, type Lang, type Texts } from './locales';

export const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The pages' stylesheet, served from /static/identity.css (no third-party assets; CSP style-src 'self'). */
export const STYLESHEET = `
*{box-sizing:border-box}html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:16px;color:#1b1f24;background:#f3f5f7}
body{margin:0;padding:16px}main{max-width:420px;margin:24px auto;background:#fff;border-radius:8px;padding:24px 20px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin:0 0 8px}p{line-height:1.5}.app{color:#0b5c3b;font-weight:600;margin:0 0 16px}
label{display:block;font-weight:600;margin:16px 0 4px}input{width:100%;font-size:1rem;padding:10px 12px;border:1px solid #6b7480;border-radius:6px}
input:focus,button:focus,a:focus{outline:3px solid #1a73e8;outline-offset:2px}.hint{color:#4a525c;font-size:.875rem;margin:4px 0 0}
button{margin-top:20px;width:100%;font-size:1rem;font-weight:600;padding:12px;border:0;border-radius:6px;background:#0b5c3b;color:#fff;cursor:pointer}
button.secondary{background:#e6e9ec;color:#1b1f24}.error{background:#fdecea;color:#8a1c13;border-left:4px solid #c5221f;padding:10px 12px;border-radius:4px}
.ok{background:#e6f4ea;color:#0d5323;border-left:4px solid #188038;padding:10px 12px;border-radius:4px}nav{display:flex;justify-content:flex-end;margin-bottom:8px}
a{color:#0b57d0}.links{margin-top:20px;font-size:.9rem}`;

export interface Field {
  name: string;
  label: string;
  type: 'text' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  inputmode?: string;
  maxlength: number;
}

export interface PageOptions {
  lang: Lang;
  title: (t: Texts) => string;
  /** The same page in the other language. */
  toggleHref: string;
  body: string;
}

export function page(o: PageOptions): string {
  const t = TEXTS[o.lang];
  const other: Lang = o.lang === 'id' ? 'en' : 'id';
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(o.title(t))} · ${escapeHtml(t.appName)}</title>
<link rel="stylesheet" href="/static/identity.css">
</head>
<body>
<main>
<nav><a href="${escapeHtml(o.toggleHref)}" hreflang="${other}" lang="${other}">${escapeHtml(t.toggle)}</a></nav>
<p class="app">${escapeHtml(t.appName)}</p>
<h1>${escapeHtml(o.title(t))}</h1>
${o.body}
</main>
</body>
</html>`;
}

/** A form whose fields are labelled and whose error, when there is one, is announced and tied to the fields. */
export function form(action: string, hidden: Record<string, string>, fields: Field[], submit: string, error?: string): string {
  const errorId = 'form-error';
  const described = (f: Field) => [f.hint ? `${f.name}-hint` : '', error ? errorId : ''].filter(Boolean).join(' ');
  return `${error ? `<p class="error" id="${errorId}" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" novalidate>
${Object.entries(hidden).map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('\n')}
${fields.map((f) => `<label for="${f.name}">${escapeHtml(f.label)}</label>
<input id="${f.name}" name="${f.name}" type="${f.type}" autocomplete="${f.autocomplete}" maxlength="${f.maxlength}" required${f.inputmode ? ` inputmode="${f.inputmode}"` : ''}${f.value ? ` value="${escapeHtml(f.value)}"` : ''}${described(f) ? ` aria-describedby="${described(f)}"` : ''}${error ? ' aria-invalid="true"' : ''}>
${f.hint ? `<p class="hint" id="${f.name}-hint">${escapeHtml(f.hint)}</p>` : ''}`).join('\n')}
<button type="submit">${escapeHtml(submit)}</button>
</form>`;
}
