package io.chaintill.support;

import java.time.Duration;
import org.openqa.selenium.WebDriverException;

/** Filling in and sending the dashboard's login form, as the browser tests do. */
public final class DashboardLogin {
    private DashboardLogin() {
    }

    /**
     * On the open login page: types the email and password, submits the form and waits (up to {@code wait}) until
     * the browser has left the page it was on. The email field is not cleared first.
     */
    public static void submit(Browser browser, String email, String password, Duration wait) {
        browser.find("#email").sendKeys(email);
        browser.find("#password").sendKeys(password);
        // A mark on the old document's window, gone once a new document loads. Chromium answers a check on an element
        // of a document being torn down with a generic inspector error rather than a stale-element error, so
        // ExpectedConditions.stalenessOf flakes; a script that fails mid-navigation just polls again.
        browser.script("window.chaintillLoginPage = true");
        browser.find("form button[type=submit]").click();
        browser.await(wait, d -> {
            try {
                return Boolean.TRUE.equals(browser.script("return window.chaintillLoginPage === undefined"));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
    }
}
