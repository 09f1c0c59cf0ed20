package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.convquiz.exercise.Misconception;
import org.convquiz.web.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A student in headless Chromium: signs in, takes a tutorial quiz, answers one question right and one
 * with a classic mistake, and sees the derivation, the named misconception and the picture — in
 * English and in Chinese. The questions are pinned to the tutorial's own numbers, so the answers typed are worked by hand.
 */
@QuarkusTest
class QuizBrowserTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void studentTakesAPracticeQuiz(String lang) {
        TestData.World world = data.world(QuizService.Settings.practice(), "fig1-cross-correlation", "padding-output-shape");
        try (Browser browser = Browser.open(lang)) {
            WebDriver d = browser.driver();
            d.get(root + "login?lang=" + lang);
            browser.screenshot("login-" + lang);
            browser.signIn(world.student(), TestData.PASSWORD);
            assertTrue(d.getCurrentUrl().endsWith("/courses"), d.getCurrentUrl());
            browser.clickAndWait(d.findElement(By.cssSelector("a[href='/courses/" + world.courseId() + "']")));
            browser.screenshot("course-" + lang);
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + world.quizId() + "'] button[type=submit]")));
            long attemptId = data.latestAttempt(world.student());
            data.pinVariants(attemptId);
            d.navigate().refresh();
            browser.screenshot("quiz-before-" + lang);
            // Matrices in the prompt are in square brackets (a top and bottom tick on each side), not determinant bars.
            Object tick = browser.driver().executeScript("return getComputedStyle(document.querySelector('#q0 .prompt .matrix-wrap'), '::before').borderTopWidth;");
            assertEquals("2px", tick, "bracket ticks on the prompt's matrices");

            // Question 1 is figure 1 of the tutorial: X = 0…8 (3×3), K = [[0, 1], [2, 3]], so Y = [[19, 25], [37, 43]]
            // (0·0 + 1·1 + 3·2 + 4·3 = 19 and so on, worked by hand), typed cell by cell into the grid.
            String[] right = {"19", "25", "37", "43"};
            for (int i = 0; i < right.length; i++) {
                WebElement cell = d.findElement(By.id("a.0.y." + (i / 2) + "." + (i % 2)));
                cell.sendKeys(right[i]);
            }
            browser.clickAndWait(d.findElement(By.cssSelector("#q0 button[type=submit]")));
            WebElement q0Section = d.findElement(By.id("q0"));
            assertEquals(1, q0Section.findElements(By.cssSelector(".badge.correct")).size(), q0Section.getText());
            assertFalse(q0Section.findElements(By.cssSelector(".derivation math")).isEmpty(), "derivation typeset in MathML");
            assertFalse(q0Section.findElements(By.cssSelector("svg.picture rect.window")).isEmpty(), "picture with the window");

            // Question 2 is the tutorial's exercise 3: Conv2d(3, 4, kernel_size=3, padding=2) on 3×100×100 gives
            // 4×102×102 (100 + 4 − 3 + 1 = 102); a student who forgot the + 1 answers 4×101×101.
            String wrong = "4×101×101";
            d.findElement(By.id("a.1.shape")).sendKeys(wrong);
            browser.clickAndWait(d.findElement(By.cssSelector("#q1 button[type=submit]")));
            WebElement q1Section = d.findElement(By.id("q1"));
            String misconception = q1Section.findElement(By.cssSelector("[data-testid=misconception]")).getText();
            assertTrue(misconception.contains(Misconception.FORGOT_PLUS_ONE.title().in(lang)), misconception);
            String reference = q1Section.findElement(By.cssSelector("[data-testid=reference]")).getText();
            assertTrue(reference.replaceAll("\\s", "").contains("4×102×102"), reference);
            browser.screenshot("quiz-graded-" + lang);

            // Both answers are stored, as typed.
            List<Submission> stored = data.submissions(attemptId);
            assertEquals(2, stored.size());
            assertEquals(wrong, stored.get(1).rawAnswer);
            assertEquals(Misconception.FORGOT_PLUS_ONE.id(), stored.get(1).misconception);

            // The history lists this attempt with its two submissions, whatever the page's language.
            d.get(root + "history");
            WebElement row = d.findElement(By.xpath("//tr[td/a[@href='/attempts/" + attemptId + "']]"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals("2", cells.get(cells.size() - 1).getText(), row.getText());
            browser.screenshot("history-" + lang);
        }
    }

    /**
     * A receptive-field question's picture: before the answer only the element asked about is marked; once checked
     * (a practice quiz shows answers at once) the cells it depends on are marked down to the input. rf-larger-than-input,
     * pinned: 3 rows, 3×3 and 3×3 with padding 1, then 1×1: the field is 5 rows, one padding row on each side (worked by hand).
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aReceptiveFieldQuestionIsDrawnAndExplainedOnceChecked(String lang) {
        TestData.World world = data.world(QuizService.Settings.practice(), "rf-larger-than-input");
        try (Browser browser = Browser.open(lang)) {
            WebDriver d = browser.driver();
            d.get(root + "login?lang=" + lang);
            browser.signIn(world.student(), TestData.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("a[href='/courses/" + world.courseId() + "']")));
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + world.quizId() + "'] button[type=submit]")));
            data.pinVariants(data.latestAttempt(world.student()));
            d.navigate().refresh();
            WebElement picture = d.findElement(By.cssSelector("#q0 svg.picture"));
            assertEquals(1, picture.findElements(By.cssSelector("rect.target")).size(), "only the element asked about");
            browser.screenshot("rf-before-" + lang);
            d.findElement(By.id("a.0.rf")).sendKeys("5");
            browser.clickAndWait(d.findElement(By.cssSelector("#q0 button[type=submit]")));
            WebElement q0 = d.findElement(By.id("q0"));
            assertEquals(1, q0.findElements(By.cssSelector(".badge.correct")).size(), q0.getText());
            WebElement shown = q0.findElement(By.cssSelector("svg.picture"));
            assertEquals(1 + 1 + 3 + 5, shown.findElements(By.cssSelector("rect.target")).size(), "Y, row 2, row 1 and the input");
            assertEquals(2, shown.findElements(By.cssSelector("rect.pad.target")).size(), "two of them padding");
            browser.screenshot("rf-graded-" + lang);
        }
    }
}
