import type { EntityManager } from '@mikro-orm/core';
import { isUuid } from '../../db/uuid.js';
import type { Viewer } from '../../graphql/viewer.js';
import { PermitDocument } from '../../model/permit-document.entity.js';

/** The town a document belongs to: its own, or that of the permit or application it is with. */
export function documentTown(document: PermitDocument): string | null {
  return (
    document.municipality?.id ??
    document.application?.municipality.id ??
    document.permit?.municipality.id ??
    null
  );
}

/**
 * Whether the viewer may read the document (docs/security.md, "Letters and documents"): the
 * holder of its permit and the applicant of its application, themselves or through a login
 * acting for them, the uploader of an upload not yet attached, and an admin of its town.
 * Everyone else is told it does not exist. Who once acted for the holder reads nothing with a
 * login of their own: the representation is proved anew at every login (docs/rules.md §6), so a
 * withdrawn one ends the access.
 */
export function mayRead(viewer: Viewer, document: PermitDocument): boolean {
  if (viewer.role === 'municipalAdmin') {
    return viewer.municipalityId !== null && viewer.municipalityId === documentTown(document);
  }
  const holder = viewer.holderAccountId;
  if (document.permit?.holder?.id === holder) return true;
  if (document.application?.applicant.id === holder) return true;
  return !document.permit && !document.application && document.createdBy?.id === viewer.accountId;
}

/** The document with what `mayRead` looks at, its file not loaded. */
export function documentForAccess(em: EntityManager, id: string): Promise<PermitDocument | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return em.findOne(PermitDocument, { id }, { populate: ['permit', 'application'] });
}

/**
 * The document if the viewer may read it, else null: an unknown id and someone else's document
 * answer the same.
 */
export async function readableDocument(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
): Promise<PermitDocument | null> {
  if (!viewer) return null;
  const document = await documentForAccess(em, id);
  return document && mayRead(viewer, document) ? document : null;
}
