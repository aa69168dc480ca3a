import { expect, type Page } from "@playwright/test";

/** The emulator's Zoho sign-in and consent page. */
export class ZohoConsentPage {
  constructor(private readonly page: Page) {}

  async chooseUser(email: string): Promise<void> {
    await expect(
      this.page.getByRole("button", { name: "Accept" }),
    ).toBeVisible();
    await this.page.getByLabel(email).check();
  }

  /** Accepts; an EU user is handed over to the EU server, accepted again. */
  async accept(email: string): Promise<void> {
    const start = new URL(this.page.url()).origin;
    await this.chooseUser(email);
    await this.page.getByRole("button", { name: "Accept" }).click();
    await this.page.waitForURL(
      (url) => url.pathname !== "/oauth/v2/auth" || url.origin !== start,
    );
    if (new URL(this.page.url()).pathname === "/oauth/v2/auth") {
      await this.page.getByRole("button", { name: "Accept" }).click();
    }
  }

  async deny(email: string): Promise<void> {
    await this.chooseUser(email);
    await this.page.getByRole("button", { name: "Deny" }).click();
  }
}
