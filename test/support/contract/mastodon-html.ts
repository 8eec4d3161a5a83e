/**
 * How a Mastodon instance renders a plain-text status as the HTML `content` of the Status
 * entity: paragraphs in <p>, single newlines as <br />, text escaped, and links as anchors whose
 * scheme and overflow sit in invisible spans. The connector must turn this back into text.
 */
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => {
    const m = url.match(/^(https?:\/\/(?:www\.)?)(.*)$/)!;
    const rest = m[2]!;
    const shown = rest.slice(0, 30);
    const hidden = rest.slice(30);
    return `<a href="${url}" rel="nofollow noopener" translate="no" target="_blank"><span class="invisible">${m[1]}</span><span class="${hidden ? 'ellipsis' : ''}">${shown}</span><span class="invisible">${hidden}</span></a>`;
  });
}

export function renderMastodonHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').map((line) => linkify(escape(line))).join('<br />')}</p>`)
    .join('');
}
