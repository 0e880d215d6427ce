import type { NextFunction, Request, Response } from 'express';
import { oauthKey } from './oauth-store.js';

/**
 * A confidential app's secret is stored as its SHA-256 only. oidc-provider compares the secret
 * an app sends with the client's `client_secret`, so in front of it the secret of an HTTP Basic
 * header is replaced by its hash: the provider compares hashes, and the database holds none of
 * the secrets. Basic is the one method such apps are registered with (partner-app-client.ts).
 */
export function hashClientSecret(req: Request, _res: Response, next: NextFunction): void {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      const clientId = decoded.slice(0, colon);
      const secret = safeDecode(decoded.slice(colon + 1));
      if (secret !== null) {
        const hashed = `${clientId}:${oauthKey(secret)}`;
        req.headers.authorization = `Basic ${Buffer.from(hashed).toString('base64')}`;
      }
    }
  }
  next();
}

/** RFC 6749 §2.3.1: the parts are form-encoded before they are joined. */
function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
