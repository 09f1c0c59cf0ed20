package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every main page, as a stranger, a student and an instructor, in English and Chinese, at 1280 and 390 px:
 * no serious or critical axe-core violation, no sideways scrolling, no English on Chinese pages.
 */
@QuarkusTest
class AccessibilityTest {
    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    /** The checks can fail: a page with an unlabelled picture, a too-wide box and English on a Chinese page. */
    @Test
    void theChecksFindWhatIsWrongOnABadPage() {
        try (Browser browser = Browser.open("zh")) {
            var d = browser.driver();
            d.get("data:text/html;charset=utf-8," + java.net.URLEncoder.encode("<!doctype html><html lang=\"zh\"><head><title>坏页面</title></head>"
                    + "<body><main><h1>坏页面</h1><svg role=\"img\" width=\"20\" height=\"20\"><rect width=\"20\" height=\"20\"/></svg>"
                    + "<div style=\"width:900px\">很宽</div><p>这里有 some words 混在中文里</p></main></body></html>",
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            List<String> found = Accessibility.problems(d, "zh");
            String all = String.join("\n", found);
            org.junit.jupiter.api.Assertions.assertTrue(all.contains("svg-img-alt"), all);
            org.junit.jupiter.api.Assertions.assertTrue(all.contains("390 px: the page scrolls sideways"), all);
            org.junit.jupiter.api.Assertions.assertTrue(all.contains("Latin words: [some, words]"), all);
        }
    }

    @Test
    void everyMainPagePassesInBothLanguagesAndWidths() {
        var w = data.world(QuizService.Settings.practice(), "fig2-padding", "padding-output-shape", "fig8-max-pool-backward");
        // One answered question, so the attempt page shows feedback, a derivation and a picture.
        Session s = Session.login(w.student(), TestData.PASSWORD);
        long attempt = s.start(w.courseId(), w.quizId());
        data.pinVariants(attempt);
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/items/1", "idempotency", s.idempotency(1), "a.1.shape", "4×101×101").then().statusCode(303);
        // an exception, so the overrides page shows its table
        Session t = Session.login(w.instructor(), TestData.PASSWORD);
        t.page("/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/overrides");
        t.post("/courses/" + w.courseId() + "/quizzes/" + w.quizId() + "/overrides", "student", w.student(), "extra_attempts", "2",
                "reason", "accommodation").then().statusCode(303);
        Map<String, List<String>> problems = new LinkedHashMap<>();
        java.util.Set<String> userText = data.userText(w);
        userText.add("accommodation"); // the instructor's words
        Browser.madeUp("accommodation");
        for (String lang : List.of("en", "zh")) {
            try (Browser browser = Browser.open(lang)) {
                var d = browser.driver();
                for (String page : List.of("", "login", "register", "calculator")) {
                    d.get(root + page + (page.isEmpty() ? "?" : "?") + "lang=" + lang);
                    record(problems, lang + " /" + page, Accessibility.problems(d, lang, userText));
                }
                signIn(browser, w.student());
                for (String page : List.of("courses", "courses/" + w.courseId(), "attempts/" + attempt, "history", "progress")) {
                    d.get(root + page);
                    record(problems, lang + " student /" + page, Accessibility.problems(d, lang, userText));
                    if (page.equals("progress")) {
                        browser.screenshot("progress-" + lang);
                    }
                }
                d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                d.get(root + "attempts/" + attempt + "#q1");
                Object open = d.executeScript("return document.querySelectorAll('details.derivation[open]').length;");
                Object all = d.executeScript("return document.querySelectorAll('details.derivation').length;");
                assertEquals(0L, ((Number) open).longValue(), "derivations start folded on a phone (" + all + " on the page)");
                assertEquals(true, ((Number) all).longValue() > 0, "the answered question has a derivation");
                phoneScreenshot(d, "a11y-attempt-phone-" + lang);
                d.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
                d.manage().deleteAllCookies();
                signIn(browser, w.instructor());
                String course = "courses/" + w.courseId();
                for (String page : List.of(course, course + "/gradebook", course + "/gradebook?sort=total&dir=desc", course + "/students/" + w.student(),
                        course + "/statistics/padding-output-shape", course + "/misconceptions",
                        course + "/statistics", course + "/people", course + "/quizzes/" + w.quizId() + "/overrides", course + "/quizzes/new",
                        course + "/quizzes/" + w.quizId() + "/settings",
                        course + "/quizzes/" + w.quizId() + "/preview?answers=true", course + "/mastery",
                        "instructor/exercises", "instructor/exercises/fig2-padding", "instructor/exercises/fig2-padding/edit")) {
                    d.get(root + page);
                    record(problems, lang + " instructor /" + page, Accessibility.problems(d, lang, userText));
                    if (page.endsWith("/mastery") || page.endsWith("/settings")) {
                        browser.screenshot((page.endsWith("/mastery") ? "mastery-" : "quiz-settings-") + lang);
                    }
                    if (page.endsWith("/overrides") || page.endsWith("/quizzes/new")) {
                        browser.screenshot((page.endsWith("/new") ? "builder-" : "overrides-") + lang);
                    }
                }
            }
        }
        problems.forEach((page, list) -> System.out.println(page + ": " + list));
        assertEquals(Map.of(), problems, "accessibility, width and language problems");
    }

    private static void phoneScreenshot(org.openqa.selenium.chrome.ChromeDriver d, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.copy(d.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void signIn(Browser browser, String username) {
        var d = browser.driver();
        browser.signIn(root + "login", username, TestData.PASSWORD);
    }

    private static void record(Map<String, List<String>> problems, String page, List<String> found) {
        if (!found.isEmpty()) {
            problems.put(page, found);
        }
    }
}
