package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.Misconception;
import org.convquiz.exercise.Quantity;
import org.convquiz.exercise.answer.ParsedAnswer;
import org.convquiz.web.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A student in headless Chromium: signs in, takes a tutorial quiz, answers one question right and one
 * with a classic mistake, and sees the derivation, the named misconception and the picture — in
 * English and in Chinese. Right and wrong answers come from the engine for the student's own variant.
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
            d.findElement(By.id("j_username")).sendKeys(world.student());
            d.findElement(By.id("j_password")).sendKeys(TestData.PASSWORD);
            browser.clickAndWait(d.findElement(By.cssSelector("form[action='/j_security_check'] button")));
            assertTrue(d.getCurrentUrl().endsWith("/courses"), d.getCurrentUrl());
            browser.clickAndWait(d.findElement(By.cssSelector("a[href='/courses/" + world.courseId() + "']")));
            browser.screenshot("course-" + lang);
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + world.quizId() + "'] button[type=submit]")));
            long attemptId = data.latestAttempt(world.student());
            browser.screenshot("quiz-before-" + lang);

            // Question 1: the right answer, typed cell by cell into the grid.
            TestData.Question q0 = data.question(attemptId, 0);
            ParsedAnswer.TensorAnswer right = (ParsedAnswer.TensorAnswer) q0.definition().references(q0.seed()).get(0).value();
            int cols = right.shape().get(1);
            for (int i = 0; i < right.values().size(); i++) {
                WebElement cell = d.findElement(By.id("a.0.y." + (i / cols) + "." + (i % cols)));
                cell.sendKeys(ParsedAnswer.TensorAnswer.formatValue(right.values().get(i)));
            }
            browser.clickAndWait(d.findElement(By.cssSelector("#q0 button[type=submit]")));
            WebElement q0Section = d.findElement(By.id("q0"));
            assertEquals(1, q0Section.findElements(By.cssSelector(".badge.correct")).size(), q0Section.getText());
            assertFalse(q0Section.findElements(By.cssSelector(".derivation math")).isEmpty(), "derivation typeset in MathML");
            assertFalse(q0Section.findElements(By.cssSelector("svg.picture rect.window")).isEmpty(), "picture with the window");

            // Question 2: the answer of a student who forgot the + 1.
            TestData.Question q1 = data.question(attemptId, 1);
            PartSpec part = q1.definition().spec().parts().get(0);
            String wrong = Misconception.FORGOT_PLUS_ONE.wrongAnswer(q1.model(), part, Quantity.OUTPUT_SHAPE).orElseThrow().display();
            d.findElement(By.id("a.1.shape")).sendKeys(wrong);
            browser.clickAndWait(d.findElement(By.cssSelector("#q1 button[type=submit]")));
            WebElement q1Section = d.findElement(By.id("q1"));
            String misconception = q1Section.findElement(By.cssSelector("[data-testid=misconception]")).getText();
            assertTrue(misconception.contains(Misconception.FORGOT_PLUS_ONE.title().in(lang)), misconception);
            String reference = q1Section.findElement(By.cssSelector("[data-testid=reference]")).getText();
            assertTrue(reference.contains(q1.definition().references(q1.seed()).get(0).value().display()), reference);
            browser.screenshot("quiz-graded-" + lang);

            // Both answers are stored, as typed.
            List<Submission> stored = data.submissions(attemptId);
            assertEquals(2, stored.size());
            assertEquals(wrong, stored.get(1).rawAnswer);
            assertEquals(Misconception.FORGOT_PLUS_ONE.id(), stored.get(1).misconception);

            d.get(root + "history");
            assertTrue(d.findElement(By.tagName("table")).getText().contains("Quiz") || lang.equals("zh"));
            browser.screenshot("history-" + lang);
        }
    }
}
