import type { Language } from '@parkeer/shared/language';
import type { Role } from '../model/account.entity.js';
import type { AuthSessionKind } from '../model/auth-session.entity.js';

/** Who is asking: resolved once per request from the session cookie or bearer token. */
export interface Viewer {
  readonly accountId: string;
  readonly role: Role;
  /** The municipality an admin manages; null for other roles. */
  readonly municipalityId: string | null;
  readonly language: Language;
  readonly authSessionId: string;
  /** How the request authenticated: the SPA's cookie or an app's bearer token. */
  readonly via: AuthSessionKind;
}
