import { expect, test, type Page } from "@playwright/test";
import { signInRequest } from "./support/server-actions";
import { createTestUser } from "./support/users";

/** The header's avatar menu closes whenever it should, so it never covers the page a member moves to. */

const menuOf = (page: Page) => page.getByTestId("user-menu");
const avatar = (page: Page) => menuOf(page).getByRole("button", { name: /Account menu/ });

async function openMenu(page: Page) {
  await avatar(page).click();
  await expect(avatar(page)).toHaveAttribute("aria-expanded", "true");
  await expect(menuOf(page).getByRole("link", { name: "Favorites" })).toBeVisible();
}

async function expectClosed(page: Page) {
  await expect(avatar(page)).toHaveAttribute("aria-expanded", "false");
  await expect(menuOf(page).getByRole("link", { name: "Favorites" })).toBeHidden();
}

for (const { name, viewport } of [
  { name: "desktop", viewport: { width: 1280, height: 800 } },
  { name: "phone", viewport: { width: 390, height: 844 } },
]) {
  test.describe(name, () => {
    test.use({ viewport });

    test.beforeEach(async ({ page }) => {
      const editor = await createTestUser("editor");
      await signInRequest(page.request, editor.username, editor.password);
      await page.goto("/movies");
      await expect(avatar(page)).toBeVisible();
    });

    test("choosing Favorites, Account or Admin closes the menu on the new page", async ({ page }) => {
      for (const [item, url, heading] of [
        ["Favorites", /\/favorites$/, "Your favorites"],
        ["Account", /\/account$/, "Your account"],
        ["Admin", /\/admin$/, "Dashboard"],
      ] as const) {
        await openMenu(page);
        await menuOf(page).getByRole("link", { name: item }).click();
        await expect(page).toHaveURL(url);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
        await expectClosed(page);
      }
      // The admin's section strip is there to be used, not under the menu.
      for (const link of await page.getByRole("navigation", { name: "Admin" }).getByRole("link").all()) await link.click({ trial: true, timeout: 2_000 });
    });

    test("Escape closes the menu and gives focus back to the avatar", async ({ page }) => {
      await openMenu(page);
      await menuOf(page).getByRole("link", { name: "Favorites" }).focus();
      await page.keyboard.press("Escape");
      await expectClosed(page);
      await expect(avatar(page)).toBeFocused();
    });

    test("a click elsewhere or focus moving out closes the menu", async ({ page }) => {
      await openMenu(page);
      // A click on the page at the heading's left edge (on a phone the open menu covers the rest of it).
      const heading = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
      await page.mouse.click(heading.x + 2, heading.y + heading.height / 2);
      await expectClosed(page);

      await openMenu(page);
      await menuOf(page).getByRole("button", { name: "Sign out" }).focus();
      await page.keyboard.press("Tab");
      await expectClosed(page);
      await expect(page).toHaveURL(/\/movies$/);
    });
  });
}
