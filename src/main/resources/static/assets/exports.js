// Exports of what is on screen: the diagram as SVG or PNG, and a report — one self-contained HTML
// file with the diagram, the question and the query that made it, when it was made, and every
// flow shown, numbered as in the diagram, with its evidence quotes and sources.
import { svgDocument, KINDS, CONFIDENCE_STYLES } from './diagram.js';
import { escape, safeUrl } from './html.js';

export function downloadSvg(drawing, heading, name) {
  const { text } = svgDocument(drawing, heading);
  download(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

export async function downloadPng(drawing, heading, name) {
  download(await pngOf(drawing, heading), `${name}.png`);
}

/** The diagram drawn onto a canvas at twice its size (sharp on screens and in print). */
async function pngOf(drawing, heading) {
  const { text, width, height } = svgDocument(drawing, heading);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.min(2, 16000 / Math.max(width, height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadReport(picture, drawing, request, name) {
  download(new Blob([reportHtml(picture, drawing, request)], { type: 'text/html' }), `${name}.html`);
}

/** request: { title, heading, link, document, variables, made } */
export function reportHtml(picture, drawing, request) {
  const nameOf = (id) => picture.orgs.get(id)?.org.name ?? id;
  const { text: svg } = svgDocument(drawing, request.heading);
  const flows = picture.flows.map((flow) => {
    const conflicts = picture.conflicts.get(flow.id) ?? [];
    return `
    <li id="flow-${escape(flow.number)}" data-flow-id="${escape(flow.id)}"${conflicts.length ? ' class="conflict"' : ''}>
      <h3>${escape(nameOf(flow.from.id))} → ${escape(nameOf(flow.to.id))}</h3>
      <p class="facts">${escape(flow.purpose)}${flow.via ? ` via ${escape(flow.via.name)}` : ''} ·
        ${escape(flow.categories.map((c) => c.name).join('; '))} · ${escape(flow.accessMethod)}${flow.realTime ? ' (real time)' : ''} ·
        since ${escape(flow.since ?? 'not stated (from its first dated evidence)')} · until ${escape(flow.until ?? 'still active')} ·
        <strong>${escape(flow.confidence)}</strong> · id <code>${escape(flow.id)}</code></p>
      ${conflicts.map((c) => `<p class="conflict-note">⚠ Conflicts with “${escape(c.policy.title)}”${c.policy.prohibitedPurposes.length
        ? ` (prohibits ${escape(c.policy.prohibitedPurposes.join(', '))}${c.policy.exception ? ` unless ${escape(c.policy.exception)}` : ''})` : ''}.
        Approval: ${escape(c.approval)}.</p>`).join('')}
      <ol class="evidence">${flow.evidence.map((e) => `
        <li>${e.quote ? `<blockquote>${escape(e.quote)}</blockquote>` : '<p>No quote recorded.</p>'}
          <p class="source">— ${safeUrl(e.source.url) ? `<a href="${escape(e.source.url)}">${escape(e.source.title)}</a>` : escape(e.source.title)}
          (${escape(e.source.kind)}${e.source.published ? `, ${escape(e.source.published)}` : ''}${safeUrl(e.source.url) ? `, ${escape(e.source.url)}` : ', no address recorded'});
          source id <code>${escape(e.source.id)}</code></p></li>`).join('')}
      </ol>
    </li>`;
  }).join('');
  const orgs = [...picture.orgs.values()].sort((a, b) => a.hop - b.hop || a.org.name.localeCompare(b.org.name));
  const legend = Object.values(KINDS).map((k) => `<span><i style="background:${k.colour}"></i>${escape(k.name)}</span>`).join(' ')
    + ' · ' + Object.entries(CONFIDENCE_STYLES).map(([name, style]) => `${escape(name)} ${escape(style.words.split(':')[0])}`).join(', ')
    + ' · <span class="conflict-note">orange: conflicts with the origin’s published policy</span>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(request.title)}</title>
<style>
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; }
  .meta { color: #444; }
  figure { margin: 1.5rem 0; border: 1px solid #ccc; overflow: auto; }
  figure svg { display: block; max-width: 100%; height: auto; }
  .legend i { display: inline-block; width: .8em; height: .8em; margin: 0 .25em 0 .5em; vertical-align: baseline; }
  pre { background: #f4f5f7; padding: .75rem; overflow: auto; font-size: 13px; }
  ol.flows > li { margin-bottom: 1.25rem; }
  ol.flows h3 { margin: 0; font-size: 1.05rem; }
  .facts { margin: .2rem 0; color: #333; }
  .conflict-note { color: #A04000; font-weight: 600; }
  blockquote { margin: .3rem 0 .1rem; padding-left: .75rem; border-left: 3px solid #999; font-style: italic; }
  .source { margin: 0 0 .5rem; font-size: 13px; color: #444; }
  table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; }
</style>
</head>
<body>
<h1>${escape(request.title)}</h1>
<p class="meta">Made <time datetime="${escape(request.made)}">${escape(request.made)}</time> with Dataflow Atlas from
  <a href="${escape(request.link)}">${escape(request.link)}</a>.
  ${picture.truncated ? '<strong>The answer was cut by its limits (truncated): not every flow is shown.</strong>' : ''}</p>
<figure>${svg}<figcaption class="legend">${legend}</figcaption></figure>
<h2>The query that made it</h2>
<pre>${escape(request.document)}</pre>
<p>Variables:</p>
<pre>${escape(JSON.stringify(request.variables, null, 2))}</pre>
<h2>Flows shown (${picture.flows.length})</h2>
<ol class="flows">${flows}
</ol>
<h2>Organizations shown (${orgs.length})</h2>
<table><thead><tr><th>Organization</th><th>Id</th><th>Kind</th><th>Hops</th></tr></thead><tbody>
${orgs.map(({ org, hop }) => `<tr><td>${escape(org.name)}</td><td><code>${escape(org.id)}</code></td><td>${escape(org.kind ?? '')}</td><td>${hop}</td></tr>`).join('\n')}
</tbody></table>
</body>
</html>
`;
}

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
