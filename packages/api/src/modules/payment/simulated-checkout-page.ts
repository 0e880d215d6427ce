import { formatBalance } from '@parkeer/shared/format/balance';
import { formatMoney } from '@parkeer/shared/format/money';
import type { CheckoutView } from './payment.service.js';

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character]!);
}

const statusText: Record<CheckoutView['status'], string> = {
  open: 'Nog niet betaald.',
  paid: 'Deze betaling is al betaald.',
  cancelled: 'Deze betaling is geannuleerd.',
  failed: 'Deze betaling is mislukt.',
  expired: 'Deze betaling is verlopen.',
  refunded:
    'Deze betaling is betaald maar kon niet worden bijgeschreven; het bedrag wordt teruggestort.',
};

// High contrast (at least 7:1 for text), large targets, no script, no external resources.
const style = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;background:#f2f2f2}
header{background:#6b0f4f;color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:28rem;margin:1.5rem auto;padding:1.5rem 1rem;background:#fff;border-radius:.5rem}
h1{font-size:1.375rem;margin:0 0 1rem}
dl{margin:0 0 1.5rem}dt{font-size:.95rem;color:#404040}dd{margin:0 0 .75rem}
.amount{font-size:2rem;font-weight:700}
.note{font-size:.95rem;color:#404040;border-left:4px solid #6b0f4f;padding-left:.75rem}
form{margin:0 0 .75rem}
button,.link{display:block;width:100%;min-height:3rem;padding:.75rem 1rem;font:inherit;font-weight:700;border-radius:.375rem;text-align:center;text-decoration:none;cursor:pointer}
.pay{background:#006b3c;color:#fff;border:2px solid #006b3c}
.cancel{background:#fff;color:#1a1a1a;border:2px solid #1a1a1a}
.link{background:#6b0f4f;color:#fff;border:2px solid #6b0f4f}
button:focus-visible,.link:focus-visible{outline:3px solid #ffbf47;outline-offset:3px}
`;

/** The simulated bank's name for each method: what the payer chose on the review step. */
const methodNames: Record<CheckoutView['method'], { header: string; note: string }> = {
  ideal: {
    header: 'iDEAL · Demobank (simulatie: geen echte betaling)',
    note: 'Dit is een simulatie van iDEAL: er wordt geen geld afgeschreven.',
  },
  card: {
    header: 'Creditcard · Demokaart (simulatie: geen echte betaling)',
    note: 'Dit is een simulatie van een kaartbetaling: er wordt geen geld afgeschreven.',
  },
};

function page(
  title: string,
  body: string,
  nonce: string,
  method: CheckoutView['method'] = 'ideal',
): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">${style}</style>
</head>
<body>
<header>${escapeHtml(methodNames[method].header)}</header>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface CheckoutPageLinks {
  /** Where the buttons post to (this page's own address). */
  readonly action: string;
  /** The web app's result page of the payment. */
  readonly resultUrl: string;
}

/** What a counter application's payment buys, as the permit's history in the app names it. */
const applicationPurpose: Record<NonNullable<CheckoutView['applicationKind']>, string> = {
  new: 'Aanvraag',
  renewal: 'Verlenging',
  plateChange: 'Kentekenwijziging',
};

/** The payment's description as a bank statement shows it: a top-up, or what was applied for. */
function describe(view: CheckoutView): string {
  if (view.applicationKind)
    return `${applicationPurpose[view.applicationKind]} ${view.productName}`;
  const added = view.unit ? ` met ${formatBalance(view.amount, view.unit, 'nl')}` : '';
  return `Opwaarderen ${view.productName}${added}`;
}

/** The simulated bank: amount, what for, and 'Betalen' / 'Annuleren' while the payment is open. */
export function checkoutPage(view: CheckoutView, links: CheckoutPageLinks, nonce: string): string {
  const amount = formatMoney(view.totalCents, 'nl');
  const description = describe(view);
  const action = escapeHtml(links.action);
  const details = `<dl>
<dt>Te betalen</dt><dd class="amount">${escapeHtml(amount)}</dd>
<dt>Omschrijving</dt><dd>${escapeHtml(description)}</dd>
<dt>Ontvanger</dt><dd>${escapeHtml(view.municipalityName)}</dd>
</dl>`;
  const choice =
    view.status === 'open'
      ? `<form method="post" action="${action}">
<button class="pay" type="submit" name="action" value="paid">Betalen</button>
</form>
<form method="post" action="${action}">
<button class="cancel" type="submit" name="action" value="cancelled">Annuleren</button>
</form>
<p class="note">${escapeHtml(methodNames[view.method].note)}</p>`
      : `<p role="status">${escapeHtml(statusText[view.status])}</p>
<a class="link" href="${escapeHtml(links.resultUrl)}">Terug naar Parkeer</a>`;
  return page(
    `Betalen: ${amount}`,
    `<h1>Betaling aan ${escapeHtml(view.municipalityName)}</h1>\n${details}\n${choice}`,
    nonce,
    view.method,
  );
}

export interface PageLink {
  readonly href: string;
  readonly label: string;
}

/** A short page when there is nothing to pay: unknown link, bad request, bank not reachable. */
export function messagePage(title: string, text: string, nonce: string, link?: PageLink): string {
  const next = link
    ? `\n<a class="link" href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`
    : '';
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>\n<p role="alert">${escapeHtml(text)}</p>${next}`,
    nonce,
  );
}
