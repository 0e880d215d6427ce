import { demoPassword } from '../src/seed/demo-seed.js';
import { loggedIn } from './login.js';
import { RedirectBrowser } from './oidc-browser.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface GraphqlAnswer {
  data?: Data | null;
  errors?: { message: string; extensions: { code: string } }[];
}

const register = `mutation ($input: RegisterPartnerAppInput!) {
  registerPartnerApp(input: $input) { clientSecret app { id clientId scopes kind } } }`;

/** An app the demo's platform admin registers (docs/graphql.md "Acting for a resident"). */
export async function registerPartnerApp(
  url: string,
  redirectUris: string[],
  scopes: string[],
  options: { name?: string; kind?: 'public' | 'confidential' } = {},
): Promise<{ id: string; clientId: string; clientSecret: string | null }> {
  const platform = await loggedIn(url, 'platform@demo.parkeer.nl');
  const registered = await platform.request<Data>(register, {
    input: {
      name: options.name ?? 'ParkeerApp',
      owner: 'Voorbeeld BV',
      contactEmail: 'dev@voorbeeld.nl',
      redirectUris,
      scopes,
      kind: options.kind ?? 'public',
    },
  });
  if (registered.errors)
    throw new Error(`registering failed: ${JSON.stringify(registered.errors)}`);
  const { app, clientSecret } = registered.data!.registerPartnerApp;
  return { id: app.id, clientId: app.clientId, clientSecret };
}

/** A browser with a resident's login, as the SPA holds it (the cookie). */
export async function residentBrowser(url: string, email: string): Promise<RedirectBrowser> {
  const browser = new RedirectBrowser();
  const response = await browser.request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation ($email: String!, $password: String!) {
        login(input: { email: $email, password: $password, remember: false }) { expiresAt } }`,
      variables: { email, password: demoPassword },
    }),
  });
  if (response.status !== 200) throw new Error(`login of ${email}: HTTP ${response.status}`);
  return browser;
}

/** GraphQL in that browser (its cookies), as the consent page asks. */
export async function graphqlIn(
  browser: RedirectBrowser,
  url: string,
  query: string,
  variables = {},
): Promise<GraphqlAnswer> {
  const response = await browser.request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer;
}

/** The browser follows an app's authorization address to the SPA's consent page: its uid. */
export async function consentPageOf(browser: RedirectBrowser, address: string): Promise<string> {
  const { url: landed, response } = await browser.follow(address, (next) =>
    next.pathname.startsWith('/koppelen/'),
  );
  const uid = /\/koppelen\/([^/?]+)/.exec(landed)?.[1];
  if (!uid)
    throw new Error(`no consent page: ${landed} ${response.status} ${await response.text()}`);
  return uid;
}

/** The consent page's answer; its `redirectTo` leads the browser back to the app. */
export async function decide(
  browser: RedirectBrowser,
  url: string,
  uid: string,
  allow: boolean,
): Promise<string> {
  const decided = await graphqlIn(
    browser,
    url,
    `mutation ($uid: String!, $allow: Boolean!) {
      decideAppAuthorization(uid: $uid, allow: $allow) { redirectTo } }`,
    { uid, allow },
  );
  if (decided.errors) throw new Error(`deciding failed: ${JSON.stringify(decided.errors)}`);
  return new URL(decided.data!.decideAppAuthorization.redirectTo, url).href;
}

/**
 * What a resident does with an app's authorization address: opens it in a browser with their
 * login, allows the app, and the browser goes back to the app's redirect URI (which answers).
 */
export async function consentInBrowser(url: string, email: string, address: string): Promise<void> {
  const browser = await residentBrowser(url, email);
  const uid = await consentPageOf(browser, address);
  const back = await decide(browser, url, uid, true);
  const { response } = await browser.follow(back, () => false);
  if (response.status !== 200) throw new Error(`the app answered HTTP ${response.status}`);
}
