/**
 * The matching rules shared by findToken and saveToken (README "Matching"),
 * the same order as the Zoho SDK stores. The first rule that applies
 * decides; a backend only answers the lookup it is given.
 */
import type { CleanToken } from "./validate";

/** What to look a token up by. `null`: no rule applies, nothing matches. */
export type Lookup =
  /** Rule 1: the user's token for the same client id ('' when none). */
  | { rule: "user"; userName: string; clientId: string }
  /** Rule 2: the token holding this access token. */
  | { rule: "access"; accessToken: string }
  /** Rule 3: by grant token, else refresh token, for this client id. */
  | {
      rule: "client";
      clientId: string;
      grantToken?: string;
      refreshToken?: string;
    }
  | null;

/** The lookup the rules choose for `token`. */
export function lookupFor(token: CleanToken): Lookup {
  const { userName, clientId, clientSecret, accessToken } = token;
  const { grantToken, refreshToken } = token;

  if (userName !== undefined) {
    return { rule: "user", userName, clientId: clientId ?? "" };
  }
  if (accessToken !== undefined && !clientId && !clientSecret) {
    return { rule: "access", accessToken };
  }
  if ((grantToken ?? refreshToken) && clientId && clientSecret) {
    return { rule: "client", clientId, grantToken, refreshToken };
  }
  return null;
}
