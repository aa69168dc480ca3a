/**
 * Fixed inputs of the seed generator: the two orgs, the eight users and the
 * name pools records are drawn from.
 */
import type { ZohoSeedOrg, ZohoSeedUser } from "../state/seed";

const DOMAIN = "zylker-academy.example";

/** The US and EU orgs of Zylker Academy. */
export const SEED_ORGS: ZohoSeedOrg[] = [
  {
    dc: "us",
    id: "5843000000000001",
    zgid: "700100100",
    company_name: "Zylker Academy",
    primary_email: `priya.raman@${DOMAIN}`,
    time_zone: "America/New_York",
    currency: "USD",
    country_code: "US",
  },
  {
    dc: "eu",
    id: "6127000000000001",
    zgid: "700200200",
    company_name: "Zylker Academy Europe",
    primary_email: `lena.schmidt@${DOMAIN}`,
    time_zone: "Europe/Berlin",
    currency: "EUR",
    country_code: "DE",
  },
];

type Person = [string, string, string, string, string, string, boolean];

// local part, first, last, full, dc, role, api access
const PEOPLE: Person[] = [
  ["priya.raman", "Priya", "Raman", "Priya Raman", "us", "Coordinator", true],
  [
    "daniel.obrien",
    "Daniel",
    "O'Brien",
    "Daniel O'Brien",
    "us",
    "Advisor",
    true,
  ],
  ["aisha.khan", "Aisha", "Khan", "Aisha Khan", "us", "Student", true],
  ["hana.yamada", "花", "山田", "山田 花", "us", "Student", true],
  ["kwame.mensah", "Kwame", "Mensah", "Kwame Mensah", "us", "Student", false],
  ["lena.schmidt", "Lena", "Schmidt", "Lena Schmidt", "eu", "Advisor", true],
  ["sofia.rossi", "Sofia", "Rossi", "Sofia Rossi", "eu", "Student", true],
  ["omar.haddad", "عمر", "حداد", "عمر حداد", "eu", "Student", true],
];

/** The eight seeded users, ZUIDs and CRM ids numbered in order. */
export const SEED_USERS: ZohoSeedUser[] = PEOPLE.map((p, index) => {
  const [local, first, last, full, dc, role, apiAccess] = p;
  const n = String(index + 1).padStart(2, "0");
  const us = dc === "us";
  return {
    zuid: `8010000${n}`,
    crm_id: `${us ? "5843" : "6127"}0000000100${n}`,
    email: `${local}@${DOMAIN}`,
    first_name: first,
    last_name: last,
    full_name: full,
    dc,
    role,
    profile: role === "Coordinator" ? "Administrator" : "Standard",
    api_access: apiAccess,
    time_zone: us ? "America/New_York" : "Europe/Berlin",
    locale: us ? "en_US" : "en_GB",
  };
});

/** First names for record people; a few outside the Latin script. */
export const FIRST_NAMES = [
  "Amelia",
  "Noah",
  "Olivia",
  "Liam",
  "Chloé",
  "Mateo",
  "Zoë",
  "Ravi",
  "Ingrid",
  "Tomás",
  "Mei",
  "Jonas",
  "Fatima",
  "Lucas",
  "Aoife",
  "Kenji",
  "Elena",
  "Sipho",
  "Nadia",
  "Arjun",
  "Ελένη",
  "Дмитрий",
  "伟",
  "Yuki",
];

/** Last names for record people; some with apostrophes. */
export const LAST_NAMES = [
  "O'Connor",
  "Nguyen",
  "García",
  "Müller",
  "D'Souza",
  "Okafor",
  "Smith",
  "Kowalski",
  "Haddad",
  "Johansson",
  "Rossi",
  "Tanaka",
  "Dubois",
  "Patel",
  "N'Diaye",
  "Brown",
  "Papadopoulou",
  "Иванов",
  "李",
  "Fernández",
];

/** Courses an enrolment (Deal) or enquiry (Lead) is about. */
export const COURSES = [
  "Data Science Foundations",
  "Cloud Architecture",
  "UX Research",
  "Project Management",
  "Digital Marketing",
  "Cybersecurity Essentials",
];

/** Email domain of seeded users and records. */
export const SEED_DOMAIN = DOMAIN;
