package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public pages in a real browser, in both languages, with screenshots to look at. */
@QuarkusTest
class PagesBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void homeAnd404(String lang) {
        try (Browser browser = Browser.open(lang)) {
            var d = browser.driver();
            d.get(root + "?lang=" + lang);
            assertEquals(lang, d.findElement(By.tagName("html")).getDomAttribute("lang"));
            assertTrue(d.findElement(By.tagName("h1")).getText().contains(lang.equals("zh") ? "卷积" : "convolutional"));
            browser.screenshot("home-" + lang);
            d.get(root + "no/such/page");
            assertTrue(d.findElement(By.cssSelector(".status-code")).getText().contains("404"));
            browser.screenshot("not-found-" + lang);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void calculatorComputesExercise3AndATwoLayerStack(String lang) {
        try (Browser browser = Browser.open(lang)) {
            var d = browser.driver();
            d.get(root + "calculator?lang=" + lang);
            d.findElement(By.id("input_shape")).clear();
            d.findElement(By.id("input_shape")).sendKeys("3×100×100");
            new Select(d.findElement(By.id("type"))).selectByValue("conv2d");
            setValue(d, "out_channels", "4");
            setValue(d, "kernel_size", "3");
            setValue(d, "padding", "2");
            d.findElement(By.id("add-layer")).click();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=output-shape]"), "4×102×102"));
            new Select(d.findElement(By.id("type"))).selectByValue("max_pool2d");
            setValue(d, "kernel_size", "2");
            setValue(d, "stride", "2");
            setValue(d, "padding", "0");
            d.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.summary"), "4×51×51"));
            assertEquals("112", d.findElement(By.cssSelector("[data-testid=total-params]")).getText());
            assertTrue(d.findElements(By.cssSelector("#calc-result .steps math")).size() > 0, "derivation typeset as MathML");
            browser.screenshot("calculator-" + lang);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void calculatorSummarizesAPastedSequentialAndNamedNetworks(String lang) {
        try (Browser browser = Browser.open(lang)) {
            var d = browser.driver();
            d.get(root + "calculator?lang=" + lang);
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            // the form starts with PyTorch's tutorial LeNet-5 on 1×32×32: 61,706 parameters, 416,520 MACs (by hand)
            d.findElement(By.cssSelector("#net-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=net-total-params]"), "61,706"));
            assertEquals("416,520", d.findElement(By.cssSelector("[data-testid=net-total-macs]")).getText());
            assertEquals("6×28×28", d.findElements(By.cssSelector("[data-testid=net-shape]")).get(0).getText());
            assertEquals("5×5", d.findElements(By.cssSelector("[data-testid=net-rf]")).get(0).getText());
            assertTrue(d.findElements(By.cssSelector("#net-result .steps math")).size() > 0, "derivation typeset as MathML");
            browser.screenshot("calculator-network-" + lang);
            // a named network with a residual block: 64×56×56 → 128×28×28, 230,144 parameters (by hand)
            new Select(d.findElement(By.id("net_example"))).selectByValue("resnet-block");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=net-total-params]"), "230,144"));
            browser.screenshot("calculator-network-resnet-" + lang);
            // a network that breaks: the message names the line and the shapes
            new Select(d.findElement(By.id("net_example"))).selectByValue("lenet5");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-testid=net-total-params]"), "61,706"));
            setValue(d, "net_input_shape", "1×28×28");
            d.findElement(By.cssSelector("#net-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("net-error"), "256"));
            assertTrue(d.findElement(By.id("net-error")).getText().startsWith("line 9"), d.findElement(By.id("net-error")).getText());
        }
    }

    private static void setValue(org.openqa.selenium.WebDriver d, String id, String value) {
        var input = d.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
