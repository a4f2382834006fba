package io.chaintill.support;

import java.time.Duration;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
        WebElement page = browser.find("html");
        browser.find("form button[type=submit]").click();
        browser.await(wait, ExpectedConditions.stalenessOf(page));
    }
}
