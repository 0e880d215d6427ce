import type { EntityManager } from '@mikro-orm/core';
import { Municipality } from '../../model/municipality.entity.js';
import { PermitApplication } from '../../model/permit-application.entity.js';
import { PermitDocument } from '../../model/permit-document.entity.js';
import { isUuid } from '../../db/uuid.js';

export interface UploadAttachment {
  /** As `POST /documents` answered them. */
  readonly documentIds: readonly string[];
  /** Only this account's own uploads are taken (who filled in the application). */
  readonly uploadedById: string;
  readonly applicationId: string;
  readonly municipalityId: string;
  /** Which of the product's requirements each upload meets, by document id. */
  readonly requirements?: Readonly<Record<string, string>>;
}

/**
 * Attaches uploads to an application in the caller's transaction (the counter's `applyForPermit`):
 * from then on the application's applicant and actor and the town's admins may read them, and
 * retention keeps them. An id that is not an unattached upload of this uploader is not attached
 * and comes back in `missing`, whoever's it is (the caller refuses the application).
 */
export async function attachUploads(
  tx: EntityManager,
  attachment: UploadAttachment,
): Promise<{ attached: PermitDocument[]; missing: string[] }> {
  const ids = [...new Set(attachment.documentIds)];
  const uploads = await tx.find(PermitDocument, {
    id: { $in: ids.filter(isUuid) },
    kind: 'upload',
    createdBy: attachment.uploadedById,
    permit: null,
    application: null,
  });
  for (const upload of uploads) {
    upload.application = tx.getReference(PermitApplication, attachment.applicationId);
    upload.municipality = tx.getReference(Municipality, attachment.municipalityId);
    upload.requirement = attachment.requirements?.[upload.id] ?? upload.requirement ?? null;
  }
  const found = new Set(uploads.map((upload) => upload.id));
  return { attached: uploads, missing: ids.filter((id) => !found.has(id)) };
}
