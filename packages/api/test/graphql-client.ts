/** A small GraphQL-over-HTTP client for tests, with a cookie jar like a browser's. */
export class TestClient {
  private cookie: string | null = null;
  lastSetCookie: string | null = null;

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ status: number; data?: T | null; errors?: GraphQLErrorBody[] }> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...this.headers,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const [pair] = setCookie.split(';');
      // An expiry in the past (a cleared cookie) removes it from the jar.
      this.cookie = /Expires=Thu, 01 Jan 1970/i.test(setCookie) ? null : (pair ?? null);
    }
    return { status: response.status, ...((await response.json()) as object) };
  }
}

export interface GraphQLErrorBody {
  message: string;
  extensions: {
    code: string;
    messages: { nl: string; en: string };
    detail?: string;
    params?: Record<string, string | number>;
    problems?: { code: string; path: string; messages: { nl: string; en: string } }[];
    stacktrace?: unknown;
  };
}
