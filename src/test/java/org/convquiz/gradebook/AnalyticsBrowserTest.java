package org.convquiz.gradebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.convquiz.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The new instructor pages in a real browser, English and Chinese: an override set through the form, and screenshots. */
@QuarkusTest
class AnalyticsBrowserTest {
    @Inject
    TestData data;

    @Inject
    VariantFeatureFiller filler;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void overrideThroughTheFormAndScreenshots() {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape");
        String prefix = "b" + UUID.randomUUID().toString().substring(0, 6);
        data.addStudents(w, prefix, 3);
        for (int i = 0; i < 3; i++) {
            Browser.madeUp("Paged " + prefix + " " + i); // names the test made up, not the app's wording
        }
        Browser.madeUp("Re-marked by hand");
        for (String[] a : new String[][] {{w.student(), "4×101×101"}, {w.other(), "4×100×100"}}) {
            Session s = Session.login(a[0], TestData.PASSWORD);
            long attempt = s.start(w.courseId(), w.quizId());
            data.pinVariants(attempt);
            s.page("/attempts/" + attempt);
            s.post("/attempts/" + attempt + "/items/0", "idempotency", s.idempotency(0), "a.0.shape", a[1]).then().statusCode(303);
        }
        while (filler.fill(Duration.ZERO) == VariantFeatureFiller.BATCH) {
            // classify the variants
        }
        String course = "courses/" + w.courseId();
        for (String lang : List.of("en", "zh")) {
            try (Browser browser = Browser.open(lang)) {
                var d = browser.driver();
                browser.signIn(root + "login", w.instructor(), TestData.PASSWORD);
                d.get(root + course + "/students/" + w.student());
                d.findElement(By.id("override-score")).sendKeys("2.5");
                d.findElement(By.id("override-reason")).sendKeys("en".equals(lang) ? "Re-marked by hand" : "人工复核");
                browser.clickAndWait(d.findElement(By.cssSelector("form.override-form button[type=submit]")));
                assertTrue(d.findElement(By.cssSelector("[data-testid=student-scores] td.overridden")).getText().startsWith("2.5"));
                browser.screenshot("analytics-student-" + lang);
                d.get(root + course + "/gradebook?sort=total&dir=desc");
                assertEquals("descending", d.findElement(By.cssSelector("th[aria-sort=descending]")).getAttribute("aria-sort"));
                browser.screenshot("analytics-gradebook-" + lang);
                d.get(root + course + "/statistics/padding-output-shape");
                assertTrue(d.findElement(By.cssSelector("svg[role=img]")).getAttribute("aria-label").contains("zh".equals(lang) ? "得分分布" : "Scores of"));
                browser.screenshot("analytics-exercise-" + lang);
                d.get(root + course + "/misconceptions");
                browser.screenshot("analytics-heatmap-" + lang);
            }
        }
    }
}
