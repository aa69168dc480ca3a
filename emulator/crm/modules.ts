/**
 * The CRM modules the emulator knows and their field metadata (Zoho docs: CRM
 * modules).
 * Module API names match case-insensitively; answers use the canonical one.
 */

/** One field as GET /crm/v8/settings/fields describes it. */
export interface ZohoFieldMeta {
  api_name: string;
  field_label: string;
  data_type: string;
}

type FieldRow = [string, string, string];

const COMMON: FieldRow[] = [
  ["Owner", "Owner", "ownerlookup"],
  ["Created_By", "Created By", "ownerlookup"],
  ["Modified_By", "Modified By", "ownerlookup"],
  ["Created_Time", "Created Time", "datetime"],
  ["Modified_Time", "Modified Time", "datetime"],
  ["Tag", "Tag", "multiselectlookup"],
];

const PERSON: FieldRow[] = [
  ["First_Name", "First Name", "text"],
  ["Last_Name", "Last Name", "text"],
  ["Full_Name", "Full Name", "text"],
  ["Email", "Email", "email"],
  ["Phone", "Phone", "phone"],
  ["Lead_Source", "Lead Source", "picklist"],
  ["Description", "Description", "textarea"],
];

const MODULE_FIELDS: Record<string, FieldRow[]> = {
  Contacts: [
    ...PERSON,
    ["Mailing_City", "Mailing City", "text"],
    ["Mailing_Country", "Mailing Country", "text"],
    ["Title", "Title", "text"],
    ["Account_Name", "Account Name", "lookup"],
  ],
  Leads: [
    ...PERSON,
    ["Company", "Company", "text"],
    ["Lead_Status", "Lead Status", "picklist"],
  ],
  Deals: [
    ["Deal_Name", "Deal Name", "text"],
    ["Stage", "Stage", "picklist"],
    ["Amount", "Amount", "currency"],
    ["Closing_Date", "Closing Date", "date"],
    ["Contact_Name", "Contact Name", "lookup"],
    ["Pipeline", "Pipeline", "picklist"],
    ["Lead_Source", "Lead Source", "picklist"],
    ["Type", "Type", "picklist"],
    ["Description", "Description", "textarea"],
  ],
  Accounts: [["Account_Name", "Account Name", "text"]],
  Tasks: [["Subject", "Subject", "text"]],
  Events: [["Event_Title", "Title", "text"]],
  Calls: [["Subject", "Subject", "text"]],
  Notes: [["Note_Title", "Note Title", "text"]],
  Products: [["Product_Name", "Product Name", "text"]],
};

/** The canonical module API name, or undefined for an unknown module. */
export function resolveModule(name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(MODULE_FIELDS).find((m) => m.toLowerCase() === wanted);
}

/** Field metadata of a known module, `id` first. */
export function fieldsOf(module: string): ZohoFieldMeta[] {
  const rows: FieldRow[] = [
    ["id", "Record Id", "bigint"],
    ...(MODULE_FIELDS[module] ?? []),
    ...COMMON,
  ];
  return rows.map(([api_name, field_label, data_type]) => ({
    api_name,
    field_label,
    data_type,
  }));
}

/** True when `field` is an API name of the module. */
export function hasField(module: string, field: string): boolean {
  return fieldsOf(module).some((f) => f.api_name === field);
}
