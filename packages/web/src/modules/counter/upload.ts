import { headerFileName } from './counter-rules.js';

/** A file the applicant sent the town, ready to name in an application's `documentIds`. */
export interface UploadedDocument {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
}

/**
 * Sends one file to the town (`POST /documents`, the file as the body): it is the applicant's
 * until an application names it, and the town removes it after a day if none does.
 */
export async function uploadDocument(file: File, requirement: string): Promise<UploadedDocument> {
  const response = await fetch('/documents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': file.type,
      'x-file-name': headerFileName(file.name),
      'x-document-requirement': requirement,
    },
    body: file,
  });
  if (!response.ok) throw new Error(`upload refused: ${response.status}`);
  const { id } = (await response.json()) as { id?: unknown };
  if (typeof id !== 'string') throw new Error('upload answered without an id');
  return { id, fileName: file.name, size: file.size };
}

/** A file size as people read it: "850 kB", "1,2 MB". */
export function fileSize(bytes: number, locale: string): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) {
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(megabytes)} MB`;
  }
  return `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(bytes / 1024)))} kB`;
}
