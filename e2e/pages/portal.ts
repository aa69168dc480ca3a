import { expect, type Page } from "@playwright/test";

import { portalUrl } from "../support/world";
import { ZohoConsentPage } from "./zoho-consent";

/** The portal as a user sees it. */
export class PortalPage {
  readonly consent: ZohoConsentPage;

  constructor(readonly page: Page) {
    this.consent = new ZohoConsentPage(page);
  }

  async openHome(): Promise<void> {
    await this.page.goto(portalUrl);
  }

  /** Starts "Sign in with Zoho" and waits for the emulator's page. */
  async startSignIn(): Promise<void> {
    await this.openHome();
    await this.page.getByRole("button", { name: "Sign in with Zoho" }).click();
    await this.page.waitForURL(/\/oauth\/v2\/auth/);
  }

  /**
   * The whole sign-in; ends on the dashboard. When the portal holds no
   * refresh token for a user Zoho already consented for, it asks for
   * consent once more: that round is followed too.
   */
  async signIn(email: string): Promise<void> {
    await this.startSignIn();
    await this.consent.accept(email);
    await this.page.waitForURL(/\/(dashboard|auth\/consent)$/);
    if (this.page.url().endsWith("/auth/consent")) {
      await this.page
        .getByRole("button", { name: "Sign in with Zoho" })
        .click();
      await this.consent.accept(email);
      await this.page.waitForURL(/\/dashboard$/);
    }
  }

  async expectDashboardOf(name: string): Promise<void> {
    await expect(
      this.page.getByRole("heading", { name: "Dashboard" }),
    ).toBeVisible();
    await expect(this.page.getByRole("heading", { name })).toBeVisible();
    await expect(this.page.getByText("could not be loaded")).toHaveCount(0);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await this.page.waitForURL((url) => url.pathname === "/");
  }

  async expectSignInError(code: string): Promise<void> {
    await this.page.waitForURL(/\/auth\/error/);
    await expect(
      this.page.getByRole("heading", { name: "Sign-in failed" }),
    ).toBeVisible();
    await expect(this.page.getByText(`Reference: ${code}`)).toBeVisible();
  }
}
