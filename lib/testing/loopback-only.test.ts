import { describe, expect, it } from "vitest";

describe("the test network guard", () => {
  it("refuses any request that would leave this machine", async () => {
    await expect(
      fetch("https://accounts.zoho.com/oauth/v2/token"),
    ).rejects.toThrow(
      /test network guard: refused a request to https:\/\/accounts/,
    );
  });

  it("lets loopback requests through", async () => {
    await expect(fetch("http://127.0.0.1:9/")).rejects.not.toThrow(
      /test network guard/,
    );
  });
});
