/**
 * The seed: orgs, users and CRM records the emulator serves. Read from a
 * replaceable JSON file and checked once at start.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const zohoOrgSchema = z.object({
  dc: z.string(),
  id: z.string(),
  zgid: z.string(),
  company_name: z.string(),
  primary_email: z.string(),
  time_zone: z.string(),
  currency: z.string(),
  country_code: z.string(),
});

const zohoUserSchema = z.object({
  zuid: z.string().regex(/^\d+$/),
  crm_id: z.string().regex(/^\d+$/),
  email: z.string(),
  first_name: z.string(),
  last_name: z.string(),
  full_name: z.string(),
  dc: z.string(),
  role: z.string(),
  profile: z.string(),
  api_access: z.boolean(),
  time_zone: z.string(),
  locale: z.string(),
});

const zohoRecordSchema = z
  .object({ id: z.string(), Owner: z.object({ id: z.string() }).loose() })
  .loose();

const zohoSeedSchema = z.object({
  orgs: z.array(zohoOrgSchema),
  users: z.array(zohoUserSchema),
  records: z.record(z.string(), z.array(zohoRecordSchema)),
});

/** A CRM org of one data centre, in Zoho's field names. */
export type ZohoSeedOrg = z.infer<typeof zohoOrgSchema>;

/** A seeded Zoho user: Accounts identity plus CRM role and profile. */
export type ZohoSeedUser = z.infer<typeof zohoUserSchema>;

/** A CRM record: `id`, `Owner` and any other field API names. */
export type ZohoRecord = { id: string; Owner: { id: string } } & Record<
  string,
  unknown
>;

/** The whole seed file. */
export type ZohoSeed = z.infer<typeof zohoSeedSchema>;

/** Reads and validates a seed file; throws with the file name when bad. */
export function loadSeed(file: string): ZohoSeed {
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  const parsed = zohoSeedSchema.safeParse(raw);

  if (!parsed.success) {
    throw new Error(`seed file ${file} is invalid: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Deep copy, so a reset returns to the pristine seed. */
export function cloneSeed(seed: ZohoSeed): ZohoSeed {
  return structuredClone(seed);
}
