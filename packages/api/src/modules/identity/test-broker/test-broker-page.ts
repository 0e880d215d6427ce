import type { TestIdentity } from './test-identities.js';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The broker's one page: says plainly that this is a test login (no real DigiD or eHerkenning
 * is asked), and lets the visitor pick a test person or business, or cancel.
 */
export function pickIdentityPage(
  kind: 'digid' | 'eherkenning',
  identities: readonly TestIdentity[],
  action: string,
  nonce: string,
): string {
  const title = kind === 'digid' ? 'Test-DigiD' : 'Test-eHerkenning';
  const buttons = identities
    .map(
      (identity) => `<li><button type="submit" name="identity" value="${escape(identity.id)}">
        <strong>${escape(identity.label)}</strong><span>${escape(identity.description)}</span></button></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – testomgeving</title>
<style nonce="${nonce}">
  body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
  .test { background: #8a1c00; color: #fff; padding: 0.75rem 1rem; font-weight: 700; }
  main { max-width: 36rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.5rem; }
  ul { list-style: none; padding: 0; }
  li { margin: 0 0 0.75rem; }
  button { width: 100%; text-align: left; padding: 0.75rem 1rem; font: inherit; border: 2px solid #154273;
    background: #fff; color: #154273; border-radius: 4px; cursor: pointer; }
  button:hover, button:focus { background: #eef3f9; outline: 3px solid #154273; outline-offset: 2px; }
  button strong, button span { display: block; }
  button span { color: #333; font-size: 0.9rem; margin-top: 0.25rem; }
  .cancel { border-color: #555; color: #1a1a1a; text-align: center; }
</style>
</head>
<body>
<p class="test" role="note">TESTOMGEVING – dit is geen echte ${kind === 'digid' ? 'DigiD' : 'eHerkenning'}. Er wordt niemand echt ingelogd; kies een testpersoon.</p>
<main>
<h1>${title}: kies ${kind === 'digid' ? 'een testpersoon' : 'een testbedrijf'}</h1>
<p>Deze inlogpagina hoort bij de demo van Parkeer. Alle personen, BSN's en KvK-nummers zijn verzonnen.</p>
<form method="post" action="${escape(action)}">
<ul>
${buttons}
</ul>
<button type="submit" name="cancel" value="1" class="cancel">Annuleren</button>
</form>
</main>
</body>
</html>`;
}
