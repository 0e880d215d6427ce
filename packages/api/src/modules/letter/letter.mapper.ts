import type { PermitDocument } from '../../model/permit-document.entity.js';
import { ApplicationDocumentDto, PermitLetterDto } from './letter.types.js';

/** The download route of a document (modules/letter serves it to those who may see it). */
export const documentUrl = (documentId: string): string => `/documents/${documentId}`;

export function toPermitLetterDto(document: PermitDocument): PermitLetterDto {
  return Object.assign(new PermitLetterDto(), {
    id: document.id,
    kind: document.letterKind!,
    createdAt: document.createdAt,
    // The size is set when the PDF is stored; reading it does not load the file.
    ready: document.size > 0,
    downloadUrl: documentUrl(document.id),
  });
}

export function toApplicationDocumentDto(document: PermitDocument): ApplicationDocumentDto {
  return Object.assign(new ApplicationDocumentDto(), {
    id: document.id,
    fileName: document.fileName,
    requirement: document.requirement ?? null,
    contentType: document.contentType,
    size: document.size,
    downloadUrl: documentUrl(document.id),
  });
}
