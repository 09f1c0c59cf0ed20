package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import org.convquiz.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An exam in the browser: answers are saved as they are typed and survive a closed tab, nothing is
 * graded or revealed before handing in; pictures of padding and of a max-pool backward pass; a phone screen.
 */
@QuarkusTest
class ExamBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @Test
    void examDraftsSurviveAReloadAndAreGradedOnHandIn() {
        TestData.World world = data.world(new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, 1),
                "fig2-padding", "fig8-max-pool-backward", "ex4-conv-statements");
        try (Browser browser = Browser.open("en")) {
            WebDriver d = browser.driver();
            browser.signIn(root + "login", world.student(), TestData.PASSWORD);
            d.get(root + "courses/" + world.courseId());
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + world.quizId() + "'] button[type=submit]")));
            long attemptId = data.latestAttempt(world.student());
            data.pinVariants(attemptId);
            d.navigate().refresh();
            assertFalse(d.findElements(By.cssSelector("#q0 svg.picture rect.pad")).isEmpty(), "padding drawn");
            assertTrue(d.findElements(By.cssSelector("#q1 svg.picture")).size() == 1, "the backward pass is drawn");
            assertTrue(d.findElements(By.cssSelector("#q1 svg.picture rect.target")).isEmpty(), "but where the gradient goes is the answer");

            // Question 1 is the tutorial's figure 2: X = 0…8 (3×3) padded by 1, K = [[0, 1], [2, 3]]; worked by hand
            // the output is [[0, 3, 8, 4], [9, 19, 25, 10], [21, 37, 43, 16], [6, 7, 8, 0]]. Typed cell by cell:
            // saved as a draft while typing.
            int[][] right = {{0, 3, 8, 4}, {9, 19, 25, 10}, {21, 37, 43, 16}, {6, 7, 8, 0}};
            for (int r = 0; r < 4; r++) {
                for (int c = 0; c < 4; c++) {
                    d.findElement(By.id("a.0.y." + r + "." + c)).sendKeys(String.valueOf(right[r][c]));
                }
            }
            // Question 3 is the tutorial's exercise 4 in its own option order: the false statement is B.
            String letter = "B";
            d.findElement(By.id("a.2.false_statement-" + letter)).click();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "Saved"));
            browser.screenshot("exam-typing-en");
            assertEquals(java.util.List.of(), org.convquiz.web.Accessibility.problems(browser.driver(), "en", data.userText(world)), "exam while typing");

            // Close the tab and come back: the saved answers are there; nothing graded or revealed yet.
            d.get(root + "attempts/" + attemptId);
            new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> !x.findElement(By.id("a.0.y.0.0")).getDomProperty("value").isEmpty());
            assertEquals("0", d.findElement(By.id("a.0.y.0.0")).getDomProperty("value"));
            assertEquals("16", d.findElement(By.id("a.0.y.2.3")).getDomProperty("value"));
            assertTrue(d.findElement(By.id("a.2.false_statement-" + letter)).isSelected());
            assertTrue(d.findElements(By.cssSelector(".result")).isEmpty(), "no feedback before handing in");
            assertFalse(d.getPageSource().contains("[21, 37, 43, 16]"), "no reference in the page");

            d.manage().window().setSize(new Dimension(390, 844));
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("window.scrollTo(0, 0)");
            saveViewport(browser, "exam-phone-en");
            d.manage().window().setSize(new Dimension(1280, 1000));

            // Question 2 has no answer: handing in asks first and names it; going back hands in nothing.
            d.findElement(By.id("submit-attempt")).click();
            new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.findElement(By.id("hand-in-confirm")).isDisplayed());
            var unanswered = d.findElements(By.cssSelector("#hand-in-unanswered li"));
            assertEquals(1, unanswered.size());
            assertTrue(unanswered.get(0).getText().startsWith("2."), unanswered.get(0).getText());
            browser.screenshot("exam-hand-in-confirm-en");
            d.findElement(By.id("hand-in-back")).click();
            assertFalse(d.findElement(By.id("hand-in-confirm")).isDisplayed());
            assertTrue(d.findElement(By.id("submit-attempt")).isEnabled(), "a stopped hand-in leaves the button usable");
            assertEquals(0, data.submissions(attemptId).size(), "nothing handed in");
            d.findElement(By.id("submit-attempt")).click();
            new WebDriverWait(d, Duration.ofSeconds(5)).until(x -> x.findElement(By.id("hand-in-confirm")).isDisplayed());
            browser.clickAndWait(d.findElement(By.id("hand-in-anyway")));
            String score = d.findElement(By.cssSelector("[data-testid=attempt-score]")).getText();
            assertTrue(score.matches(".*\\d.*/.*"), score);
            assertEquals(1, d.findElements(By.cssSelector("#q0 .badge.correct")).size());
            assertEquals(1, d.findElements(By.cssSelector("#q2 .badge.correct")).size());
            assertFalse(d.findElements(By.cssSelector("#q1 svg.picture rect.target")).isEmpty());
            browser.screenshot("exam-handed-in-en");
            // The handed-in exam and its revisit, in both languages: accessible, phone-wide, wholly in the language.
            java.util.Set<String> userText = data.userText(world);
            assertEquals(java.util.List.of(), org.convquiz.web.Accessibility.problems(browser.driver(), "en", userText), "handed-in exam, en");
            d.get(root + "attempts/" + attemptId + "?lang=zh");
            assertEquals(java.util.List.of(), org.convquiz.web.Accessibility.problems(browser.driver(), "zh", userText), "handed-in exam, zh");
            browser.screenshot("exam-handed-in-zh");
        }
    }

    private static void saveViewport(Browser browser, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) browser.driver()).getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
                    dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
