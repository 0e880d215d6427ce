import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/config.js';

/**
 * Security headers on every answer, SPA and API alike (helmet): a strict Content-Security-Policy
 * (the built SPA loads only its own files; the WebSocket goes to the same host), no framing
 * (clickjacking), nosniff, a referrer policy that keeps paths (which may hold a link's token) on
 * this site, and HSTS when the public address is https. Pages with needs of their own (the
 * simulated bank) set their own CSP after this.
 */
export function securityHeaders(
  settings: Pick<Config, 'PUBLIC_URL' | 'production'>,
): RequestHandler {
  const publicUrl = new URL(settings.PUBLIC_URL);
  const https = publicUrl.protocol === 'https:';
  const socketOrigin = `${https ? 'wss' : 'ws'}://${publicUrl.host}`;
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", socketOrigin],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  if (settings.production) return strict;
  // Development serves Apollo's sandbox at GET /graphql, which loads its scripts from Apollo's CDN.
  const sandbox = helmet({ contentSecurityPolicy: false, strictTransportSecurity: false });
  return (req, res, next) =>
    req.method === 'GET' && req.path === '/graphql'
      ? sandbox(req, res, next)
      : strict(req, res, next);
}
