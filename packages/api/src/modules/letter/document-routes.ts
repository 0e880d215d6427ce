import type { MikroORM } from '@mikro-orm/core';
import express, { type Request, type Response } from 'express';
import { AppError } from '../../graphql/app-error.js';
import type { Viewer } from '../../graphql/viewer.js';
import { clientAddressOf } from '../../http/client-address.js';
import { sendJsonError } from '../../http/json-errors.js';
import { Account, holderRoles } from '../../model/account.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { viewerFromCredentials } from '../auth/credentials.js';
import { attemptLimits } from '../rate-limit/attempt-limits.js';
import { readableDocument } from './document-access.js';
import { storedBytes } from '../../db/stored-bytes.js';

export const documentsPath = '/documents';
/** The largest upload: a phone's photo of a contract, or a scanned PDF of a few pages. */
export const maxUploadBytes = 5 * 1024 * 1024;

/** What may be uploaded, each known by the first bytes of the file, not by what the client says. */
export const uploadTypes = {
  'application/pdf': { extension: 'pdf', magic: [Buffer.from('%PDF-')] },
  'image/jpeg': { extension: 'jpg', magic: [Buffer.from([0xff, 0xd8, 0xff])] },
  'image/png': {
    extension: 'png',
    magic: [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  },
} as const;
type UploadType = keyof typeof uploadTypes;

const isUploadType = (value: string): value is UploadType => Object.hasOwn(uploadTypes, value);

/**
 * A file name as the client sent it (`X-File-Name`, percent-encoded for names outside ASCII),
 * made harmless: no path, no control or reserved characters, at most 120 characters, and the
 * extension of the type the bytes really are.
 */
export function sanitiseFileName(header: string | undefined, type: UploadType): string {
  const { extension } = uploadTypes[type];
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: taken as it is.
  }
  name = name
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const stem =
    name
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .slice(0, 110)
      .trim() || 'document';
  return `${stem}.${extension}`;
}

/** `Content-Disposition` with an ASCII name for old clients and the exact name (RFC 6266). */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface DocumentRoutesOptions {
  readonly orm: MikroORM;
  readonly clock: () => Date;
}

/**
 * The files of the permit counter over plain HTTP (docs/architecture.md, letters and documents):
 * `GET /documents/:id` for those who may read it (else 404, as for an unknown id), and
 * `POST /documents` for a signed-in holder to upload a file for an application. Mount before the
 * SPA's fallback.
 */
export function documentRoutes({ orm, clock }: DocumentRoutesOptions): express.Router {
  const router = express.Router();

  router.get(`${documentsPath}/:id`, async (req, res) => {
    const em = orm.em.fork();
    const viewer = await viewerFromCredentials(em, req.headers, clock());
    const document = await readableDocument(em, viewer, String(req.params.id));
    if (document) await em.populate(document, ['content']);
    if (!document?.content) {
      // A letter seconds away from being printed looks missing, and says when to ask again.
      if (document) res.set('Retry-After', '5');
      sendJsonError(req, res, 404, 'NOT_FOUND');
      return;
    }
    const bytes = storedBytes(document.content);
    const ours = document.kind === 'letter';
    res.set({
      'Content-Type': document.contentType,
      'Content-Length': String(bytes.length),
      // A letter opens in the browser's viewer; someone's upload is only ever saved.
      'Content-Disposition': contentDisposition(ours ? 'inline' : 'attachment', document.fileName),
      'Cache-Control': 'private, no-store',
      ...(ours ? {} : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    });
    res.end(bytes);
  });

  router.post(
    documentsPath,
    // Who and what first, before a byte of the body is read.
    async (req: Request, res: Response, next: express.NextFunction) => {
      const now = clock();
      const em = orm.em.fork();
      const viewer = await viewerFromCredentials(em, req.headers, now);
      if (!viewer) return sendJsonError(req, res, 401, 'UNAUTHENTICATED');
      if (!holderRoles.includes(viewer.role)) return sendJsonError(req, res, 403, 'FORBIDDEN');
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isUploadType(type)) return sendJsonError(req, res, 415, 'DOCUMENT_TYPE_NOT_ACCEPTED');
      try {
        await attemptLimits().take(
          'documentUpload',
          [
            { kind: 'account', id: viewer.accountId },
            { kind: 'address', id: clientAddressOf(req) },
          ],
          { em, now },
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'RATE_LIMITED') throw error;
        res.set('Retry-After', String(error.extensions.retryAfterSeconds ?? 60));
        return sendJsonError(req, res, 429, 'RATE_LIMITED', error.params);
      }
      res.locals.upload = { viewer, type, now };
      next();
    },
    // Over the limit: 413 PAYLOAD_TOO_LARGE from the JSON error handler, the body not read.
    express.raw({ type: () => true, limit: maxUploadBytes }),
    async (req: Request, res: Response) => {
      const { viewer, type, now } = res.locals.upload as {
        viewer: Viewer;
        type: UploadType;
        now: Date;
      };
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (body.length === 0) return sendJsonError(req, res, 400, 'DOCUMENT_EMPTY');
      // What the client says it sends must be what the bytes are.
      if (!uploadTypes[type].magic.some((magic) => body.subarray(0, magic.length).equals(magic))) {
        return sendJsonError(req, res, 415, 'DOCUMENT_TYPE_NOT_ACCEPTED');
      }
      const em = orm.em.fork();
      const upload = em.create(PermitDocument, {
        municipality: null,
        kind: 'upload',
        fileName: sanitiseFileName(req.get('x-file-name'), type),
        contentType: type,
        content: body,
        size: body.length,
        createdBy: em.getReference(Account, viewer.accountId),
        createdAt: now,
      });
      await em.flush();
      res.status(201).json({ id: upload.id });
    },
  );

  return router;
}
