/**
 * Zoho's data centres and the allowlists built from them. The accounts
 * server named in an OAuth redirect comes from the browser: the portal sends
 * its client secret only to a server on this list.
 * https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html
 */

export interface DataCentre {
  location: string;
  label: string;
  accountsServer: string;
  apiDomain: string;
}

export const ZOHO_DATA_CENTRES: readonly DataCentre[] = [
  dc("us", "United States", "accounts.zoho.com", "www.zohoapis.com"),
  dc("eu", "Europe", "accounts.zoho.eu", "www.zohoapis.eu"),
  dc("in", "India", "accounts.zoho.in", "www.zohoapis.in"),
  dc("au", "Australia", "accounts.zoho.com.au", "www.zohoapis.com.au"),
  dc("jp", "Japan", "accounts.zoho.jp", "www.zohoapis.jp"),
  dc("ca", "Canada", "accounts.zohocloud.ca", "www.zohoapis.ca"),
  dc("sa", "Saudi Arabia", "accounts.zoho.sa", "www.zohoapis.sa"),
  dc("uk", "United Kingdom", "accounts.zoho.uk", "www.zohoapis.uk"),
  dc("cn", "China", "accounts.zoho.com.cn", "www.zohoapis.com.cn"),
];

function dc(
  location: string,
  label: string,
  accountsHost: string,
  apiHost: string,
): DataCentre {
  return {
    location,
    label,
    accountsServer: `https://${accountsHost}`,
    apiDomain: `https://${apiHost}`,
  };
}

/** The origin of a URL string, or null when it is not an http(s) URL. */
export function toOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * The data centres this portal talks to: Zoho's, or, when extras are
 * configured (the emulator's), those alone, so that a demo or a test never
 * sends a client secret to real Zoho. Lookups are by exact origin.
 */
export class DataCentres {
  private readonly all: DataCentre[];

  constructor(extras: Omit<DataCentre, "label">[]) {
    const emulated = extras.map((d) => ({
      location: d.location,
      label: `${labelOf(d.location)} (emulator)`,
      accountsServer: toOrigin(d.accountsServer) ?? d.accountsServer,
      apiDomain: toOrigin(d.apiDomain) ?? d.apiDomain,
    }));
    this.all = emulated.length > 0 ? emulated : [...ZOHO_DATA_CENTRES];
  }

  /** The data centre whose accounts server is `value`'s origin, or null. */
  byAccountsServer(value: string | null | undefined): DataCentre | null {
    const origin = toOrigin(value);
    return this.all.find((d) => d.accountsServer === origin) ?? null;
  }

  /** The data centre whose API origin is `value`'s origin, or null. */
  byApiDomain(value: string | null | undefined): DataCentre | null {
    const origin = toOrigin(value);
    return this.all.find((d) => d.apiDomain === origin) ?? null;
  }
}

function labelOf(location: string): string {
  const known = ZOHO_DATA_CENTRES.find((d) => d.location === location);
  return known?.label ?? location.toUpperCase();
}
