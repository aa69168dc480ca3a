/**
 * The CRM modules the portal shows, in the academy's words: students are
 * Contacts, enquiries are Leads, enrolments are Deals.
 */

export interface PortalModule {
  /** URL segment of the portal: /students, /enquiries, /enrolments. */
  slug: "students" | "enquiries" | "enrolments";
  /** Zoho's module API name. */
  apiName: "Contacts" | "Leads" | "Deals";
  title: string;
  singular: string;
  /** Field API names shown as table columns, first is the record's title. */
  columns: { field: string; label: string }[];
  /** Every field fetched for the record page. */
  detailFields: string[];
}

export const PORTAL_MODULES: readonly PortalModule[] = [
  {
    slug: "students",
    apiName: "Contacts",
    title: "Students",
    singular: "Student",
    columns: [
      { field: "Full_Name", label: "Name" },
      { field: "Email", label: "Email" },
      { field: "Mailing_City", label: "City" },
      { field: "Owner", label: "Owner" },
    ],
    detailFields: [
      "Full_Name",
      "First_Name",
      "Last_Name",
      "Email",
      "Phone",
      "Title",
      "Mailing_City",
      "Mailing_Country",
      "Lead_Source",
      "Description",
      "Owner",
      "Created_Time",
      "Modified_Time",
    ],
  },
  {
    slug: "enquiries",
    apiName: "Leads",
    title: "Enquiries",
    singular: "Enquiry",
    columns: [
      { field: "Full_Name", label: "Name" },
      { field: "Email", label: "Email" },
      { field: "Lead_Status", label: "Status" },
      { field: "Owner", label: "Owner" },
    ],
    detailFields: [
      "Full_Name",
      "First_Name",
      "Last_Name",
      "Email",
      "Company",
      "Lead_Source",
      "Lead_Status",
      "Description",
      "Owner",
      "Created_Time",
      "Modified_Time",
    ],
  },
  {
    slug: "enrolments",
    apiName: "Deals",
    title: "Enrolments",
    singular: "Enrolment",
    columns: [
      { field: "Deal_Name", label: "Enrolment" },
      { field: "Stage", label: "Stage" },
      { field: "Amount", label: "Amount" },
      { field: "Closing_Date", label: "Closing date" },
    ],
    detailFields: [
      "Deal_Name",
      "Stage",
      "Amount",
      "Closing_Date",
      "Contact_Name",
      "Pipeline",
      "Lead_Source",
      "Description",
      "Owner",
      "Created_Time",
      "Modified_Time",
    ],
  },
];

/** The module for a portal slug or a Zoho API name, else undefined. */
export function findModule(key: string): PortalModule | undefined {
  const lower = key.toLowerCase();
  return PORTAL_MODULES.find(
    (m) => m.slug === lower || m.apiName.toLowerCase() === lower,
  );
}
