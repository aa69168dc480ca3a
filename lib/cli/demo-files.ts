/** Files the demo keeps in its data folder, beside the database. */

/** The emulated data centres, as ZOHO_EXTRA_DATA_CENTRES reads them. */
export const DEMO_DATA_CENTRES_FILE = "demo-data-centres";
