/**
 * The signed-in user's Zoho profile, from the accounts server's legacy
 * user-info endpoint (scope AaaServer.profile.READ).
 */
import { z } from "zod";

import { ZohoError } from "./errors";
import { readJson, sendToZoho } from "./http";

export interface ZohoProfile {
  zuid: string;
  email: string;
  displayName: string;
}

const ZohoUserInfo = z.object({
  ZUID: z.union([z.number(), z.string().min(1)]),
  Email: z.email(),
  First_Name: z.string().optional(),
  Last_Name: z.string().optional(),
  Display_Name: z.string().optional(),
});

/** Reads the profile of the access token's owner. */
export async function fetchProfile(input: {
  accountsServer: string;
  accessToken: string;
}): Promise<ZohoProfile> {
  const response = await sendToZoho(
    new URL("/oauth/user/info", input.accountsServer).toString(),
    { headers: { authorization: `Zoho-oauthtoken ${input.accessToken}` } },
  );
  if (response.status === 401) {
    throw new ZohoError("ZOHO_INVALID_TOKEN", "user info refused the token", {
      status: 401,
    });
  }
  if (response.status !== 200) {
    throw new ZohoError("ZOHO_UNEXPECTED_STATUS", "user info failed", {
      status: response.status,
    });
  }

  const parsed = ZohoUserInfo.safeParse(readJson(response));
  if (!parsed.success) {
    throw new ZohoError("ZOHO_MALFORMED_RESPONSE", "user info malformed");
  }
  const info = parsed.data;
  const fullName = [info.First_Name, info.Last_Name].filter(Boolean).join(" ");
  return {
    zuid: String(info.ZUID),
    email: info.Email.toLowerCase(),
    displayName: info.Display_Name || fullName || info.Email,
  };
}
