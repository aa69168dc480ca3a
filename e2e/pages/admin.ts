import { expect, type Locator, type Page } from "@playwright/test";

import { portalUrl } from "../support/world";

/** The admin console at /admin. */
export class AdminConsolePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${portalUrl}/admin`);
    await expect(
      this.page.getByRole("heading", { name: "Admin" }),
    ).toBeVisible();
  }

  /** A status or alert message of the console with this text. */
  message(text: string | RegExp): Locator {
    const { page } = this;
    return page
      .getByRole("status")
      .or(page.getByRole("alert"))
      .filter({ hasText: text });
  }

  /** The stored-tokens table. */
  tokens(): Locator {
    return this.page.getByRole("table", { name: "Stored tokens" });
  }

  /** The row of a user in the stored-tokens table. */
  tokenRow(email: string): Locator {
    return this.tokens().getByRole("row").filter({ hasText: email });
  }

  /** The audit table. */
  audit(): Locator {
    return this.page.getByRole("table", { name: /Audit log/ });
  }

  /** Starts a user's logout: the confirm button appears. */
  async startLogOut(email: string): Promise<void> {
    await this.page.getByRole("button", { name: `Log out ${email}` }).click();
  }

  async logOut(email: string): Promise<void> {
    await this.startLogOut(email);
    await this.page
      .getByRole("button", { name: "Confirm log out", exact: true })
      .click();
  }

  async startLogOutEveryone(): Promise<void> {
    await this.page
      .getByRole("button", { name: "Log out everyone", exact: true })
      .click();
  }

  async confirmLogOutEveryone(): Promise<void> {
    await this.page
      .getByRole("button", { name: "Confirm log out everyone" })
      .click();
  }

  async retryRevoke(email: string): Promise<void> {
    await this.page
      .getByRole("button", { name: `Retry revoke for ${email}` })
      .click();
  }
}
