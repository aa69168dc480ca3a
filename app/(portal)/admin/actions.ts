"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import type { AdminMessage } from "@/lib/admin";
import { requireAdmin } from "@/lib/auth/admin";
import {
  logOutEveryoneFromConsole,
  logOutFromConsole,
  retryFromConsole,
} from "@/lib/auth/admin-console";

// POST only, like every server action; Next refuses an Origin that does
// not match the Host, and each action checks the admin again.

const field = (form: unknown, name: string) =>
  form instanceof FormData ? form.get(name) : null;

/** Logs out the user of the posted `tokenId`. */
export async function logOutUser(
  _previous: AdminMessage | null,
  form: FormData,
): Promise<AdminMessage> {
  const admin = await requireAdmin("log out a user");
  const message = await logOutFromConsole(admin, field(form, "tokenId"));
  revalidatePath("/admin");
  return message;
}

/** Logs everyone out; the admin lands on the sign-in page too. */
export async function logOutEveryone(
  _previous: AdminMessage | null,
): Promise<AdminMessage> {
  const admin = await requireAdmin("log out everyone");
  const message = await logOutEveryoneFromConsole(admin);
  if (message.tone === "error") return message;
  redirect("/?ended=admin");
}

/** Retries the posted pending revoke (`pendingId`) at Zoho. */
export async function retryRevoke(
  _previous: AdminMessage | null,
  form: FormData,
): Promise<AdminMessage> {
  const admin = await requireAdmin("retry a revoke");
  const message = await retryFromConsole(admin, field(form, "pendingId"));
  revalidatePath("/admin");
  return message;
}
