/**
 * A browser as the DigiD / eHerkenning tests need it: follows redirects by hand across the API
 * and the broker, with a cookie jar per host, and stops where the SPA would take over.
 */
export class RedirectBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  /** Every address visited, in order. */
  readonly visited: string[] = [];

  cookieHeader(url: string): string {
    const jar = this.jars.get(new URL(url).host);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }

  cookie(url: string, name: string): string | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  setCookie(url: string, name: string, value: string | null): void {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    if (value === null) jar.delete(name);
    else jar.set(name, value);
    this.jars.set(host, jar);
  }

  private remember(url: string, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const gone = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      this.setCookie(url, name, gone || value === '' ? null : value);
    }
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    this.visited.push(url);
    const cookie = this.cookieHeader(url);
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    this.remember(url, response);
    return response;
  }

  /**
   * GETs `url` and follows redirects until a page answers or the next address is one where
   * `stop` says to stop (not requested). Returns that address and the last response.
   */
  async follow(
    url: string,
    stop: (next: URL) => boolean,
  ): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hop = 0; hop < 15; hop++) {
      const response = await this.request(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        return { url: current, response };
      }
      current = new URL(location, current).href;
      if (stop(new URL(current))) return { url: current, response };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the broker's pick-a-person form. */
  async submit(pageUrl: string, html: string, fields: Record<string, string>) {
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error('no form on the page');
    const target = new URL(action.replace(/&amp;/g, '&'), pageUrl).href;
    return this.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }
}
