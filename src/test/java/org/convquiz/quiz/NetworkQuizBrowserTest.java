package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.convquiz.web.Accessibility;
import org.convquiz.web.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A student traces LeNet-5 layer by layer (one layer wrong: only its points are lost) and fixes a broken network,
 * in English and Chinese; the pinned variants are PyTorch's tutorial LeNet on 1×32×32 and a 32×32 network whose
 * second conv lacks padding, so the answers are worked by hand in the comments.
 */
@QuarkusTest
class NetworkQuizBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void studentTracesLeNetAndFixesABrokenNetwork(String lang) {
        TestData.World world = data.world(QuizService.Settings.practice(), "net-lenet5", "net-fix-padding");
        try (Browser browser = Browser.open(lang)) {
            WebDriver d = browser.driver();
            browser.signIn(root + "login?lang=" + lang, world.student(), TestData.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("a[href='/courses/" + world.courseId() + "']")));
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + world.quizId() + "'] button[type=submit]")));
            long attemptId = data.latestAttempt(world.student());
            data.pinVariants(attemptId);
            d.navigate().refresh();

            // LeNet-5 on 1×32×32: conv1 6×28×28 (32 − 5 + 1), 6·25 + 6 = 156, 6·28·28·25 = 117,600; pool 6×14×14;
            // conv2 16×10×10, 16·150 + 16 = 2,416, 16·10·10·150 = 240,000; pool 16×5×5; receptive field 16;
            // fc1 400·120 + 120 = 48,120; in all 61,706. Layer 1's shape is typed without the + 1.
            Map<String, String> lenet = Map.ofEntries(Map.entry("s1", "6×27×27"), Map.entry("p1", "156"), Map.entry("m1", "117600"),
                    Map.entry("s3", "6×14×14"), Map.entry("s4", "16×10×10"), Map.entry("p4", "2416"), Map.entry("m4", "240,000"),
                    Map.entry("s6", "16×5×5"), Map.entry("rf6", "16"), Map.entry("p8", "48120"), Map.entry("total", "61706"));
            lenet.forEach((part, answer) -> d.findElement(By.id("a.0." + part)).sendKeys(answer));
            browser.clickAndWait(d.findElement(By.cssSelector("#q0 button[type=submit]")));
            WebElement q0 = d.findElement(By.id("q0"));
            assertEquals(10, q0.findElements(By.cssSelector(".badge.correct")).size(), q0.getText());
            assertEquals(1, q0.findElements(By.cssSelector(".badge.wrong, .badge.partial")).size(), q0.getText());
            assertTrue(q0.getText().contains("torchsummary"), "the derivation opens with the layer table");
            WebElement table = q0.findElements(By.cssSelector("[data-testid=layer-table]")).get(1);
            assertTrue(table.getText().contains("Conv2d-1") && table.getText().contains("117,600"), table.getText());
            browser.screenshot("network-lenet-graded-" + lang);

            // The broken network: 32 → 32 → 16 → 14 (no padding) → 7, so 32·7·7 = 1,568 features reach nn.Linear(32 * 8 * 8, 10),
            // layer 8; padding 1 on layer 4 keeps 16 → 8.
            d.findElement(By.id("a.1.broken")).sendKeys("8");
            d.findElement(By.id("a.1.s6")).sendKeys("32×7×7");
            d.findElement(By.id("a.1.fix")).sendKeys("1");
            browser.clickAndWait(d.findElement(By.cssSelector("#q1 button[type=submit]")));
            WebElement q1 = d.findElement(By.id("q1"));
            assertEquals(3, q1.findElements(By.cssSelector(".badge.correct")).size(), q1.getText());
            browser.screenshot("network-fix-graded-" + lang);
            assertEquals(List.of(), Accessibility.problems((org.openqa.selenium.chrome.ChromeDriver) d, lang));
        }
    }
}
