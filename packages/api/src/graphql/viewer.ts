import type { Language } from '@parkeer/shared/language';
import type { Role } from '../model/account.entity.js';
import type { AuthSessionKind, SignInMethod } from '../model/auth-session.entity.js';

/** Who is asking: resolved once per request from the session cookie or bearer token. */
export interface Viewer {
  readonly accountId: string;
  readonly role: Role;
  /** The municipality an admin manages; null for other roles. */
  readonly municipalityId: string | null;
  /**
   * The language the login chose for itself; null when it never chose one, so the request's
   * Accept-Language decides (docs/graphql.md, Errors).
   */
  readonly language: Language | null;
  readonly authSessionId: string;
  /** How the request authenticated: the SPA's cookie or an app's bearer token. */
  readonly via: AuthSessionKind;
  /**
   * Whose products this login works on: the represented person's or company's account when it
   * acts for someone (DigiD Machtigen, eHerkenning representation), else `accountId`. Create
   * things for this account; record `accountId` as who acted (docs/rules.md §6).
   */
  readonly holderAccountId: string;
  /** How the login proved who it is, and the level of assurance the broker vouched for. */
  readonly signIn: { readonly method: SignInMethod; readonly assurance: string | null };
  /** The represented holder when acting for someone, with their name as the broker gave it. */
  readonly actingFor: { readonly accountId: string; readonly label: string | null } | null;
  /**
   * A visitor permit's registration number + PIN login (docs/rules.md §6): the one permit it may
   * act on. Such a login has no account: `accountId` and `holderAccountId` are then the permit's
   * id, which names no account, so a check that forgets this field finds nothing rather than
   * the holder's other products. Its operations are the allow-list of `permit-only-gate.ts`.
   */
  readonly permitOnly: string | null;
  /**
   * A partner credential's scopes (a town's machine key, an app acting for a resident): it may
   * call only the operations those scopes list in `scope-gate.ts`. Null for every other login,
   * which the role alone limits.
   */
  readonly scopes: ReadonlySet<string> | null;
  /**
   * The app acting for the resident with an OAuth access token (docs/graphql.md "Acting for a
   * resident"): what it starts is channel `partner` and its history names the app.
   */
  readonly app?: { readonly id: string; readonly name: string };
}
