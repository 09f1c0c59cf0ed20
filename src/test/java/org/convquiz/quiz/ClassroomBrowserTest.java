package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.web.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A class run in the browser (issue 11), in Chinese: the first instructor makes a course in Asia/Shanghai and
 * invites a second instructor, who sets a password from the one-time link, imports a roster with a broken row,
 * saves an exercise in the editor, builds an exam from it and publishes it after it has closed for the class;
 * a student who was ill gets a later close and takes the exam late; every time is shown in Asia/Shanghai.
 * Every page visited is checked by Browser (axe-core, width, language).
 */
@QuarkusTest
class ClassroomBrowserTest {
    private static final Pattern TOKEN = Pattern.compile("set-password\\?token=([A-Za-z0-9_-]+)");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestData data;

    private void signIn(Browser browser, String username, String password) {
        ChromeDriver d = browser.driver();
        d.manage().deleteAllCookies();
        browser.signIn(root + "login?lang=zh", username, password);
    }

    private void setPassword(Browser browser, String token, String password) {
        ChromeDriver d = browser.driver();
        d.manage().deleteAllCookies();
        d.get(root + "set-password?token=" + token + "&lang=zh");
        d.findElement(By.id("password")).sendKeys(password);
        d.findElement(By.id("password2")).sendKeys(password);
        browser.clickAndWait(d.findElement(By.cssSelector("form button[type=submit]")));
    }

    private static void type(ChromeDriver d, String id, String text) {
        var field = d.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A datetime-local field takes what Chromium's picker accepts when typed: the date, then the time. */
    private static void typeTime(ChromeDriver d, String id, OffsetDateTime time) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                time.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(LOCAL));
    }

    @Test
    void aClassIsRunInTheBrowser() throws Exception {
        var w = data.world(QuizService.Settings.practice(), "padding-output-shape"); // its instructor is the first one
        String tag = w.joinCode().substring(1).toLowerCase();
        String second = "ta" + tag;
        String student = "ill" + tag;
        String title = "卷积课 " + tag;
        Browser.madeUp(title, second, student, "Ill Student", "Bad Row", "bad row", "Second Teacher");
        String password = "class-pass-" + tag;
        try (Browser browser = Browser.open("zh")) {
            ChromeDriver d = browser.driver();
            // 1. The first instructor makes a course in Asia/Shanghai and invites a second instructor.
            signIn(browser, w.instructor(), TestData.PASSWORD);
            d.get(root + "courses");
            type(d, "title", title);
            type(d, "time_zone", "Asia/Shanghai");
            browser.clickAndWait(d.findElement(By.cssSelector("form[action='/courses'] button[type=submit]")));
            String courseUrl = d.getCurrentUrl();
            long courseId = Long.parseLong(courseUrl.replaceAll(".*/courses/(\\d+).*", "$1"));
            // the new course's join code is made up too (random letters; the language check must not count it)
            Browser.madeUp(QuarkusTransaction.requiringNew().call(() -> org.convquiz.account.Course.<org.convquiz.account.Course>findById(courseId).joinCode));
            assertTrue(d.getPageSource().contains("(Asia/Shanghai)"), "the course's zone names the time fields");
            d.get(root + "courses/" + courseId + "/people");
            type(d, "instructor-username", second);
            type(d, "instructor-name", "Second Teacher");
            browser.clickAndWait(d.findElement(By.cssSelector("form[action$='/people/instructors'] button")));
            Matcher link = TOKEN.matcher(d.findElement(By.cssSelector("[data-testid=password-link]")).getText());
            assertTrue(link.find(), "a one-time link for the new instructor");
            browser.screenshot("class-1-instructor-invited-zh");

            // 2. The second instructor sets a password and imports the roster; one row is broken.
            setPassword(browser, link.group(1), password);
            signIn(browser, second, password);
            d.get(root + "courses/" + courseId + "/people");
            Path roster = Files.createTempFile("roster", ".csv");
            Files.writeString(roster, "\uFEFFusername,name,student_number\n" + student + ",Ill Student,20261129\nBad Row,钱七,\n");
            d.findElement(By.id("roster")).sendKeys(roster.toString());
            browser.clickAndWait(d.findElement(By.cssSelector("form[action$='/roster'] button")));
            assertEquals(1, d.findElements(By.cssSelector("[data-testid=rejected] li")).size(), "the broken row is rejected");
            Matcher studentLink = TOKEN.matcher(d.findElement(By.cssSelector("[data-testid=roster-report]")).getText());
            assertTrue(studentLink.find(), "a link for the new student");
            String studentToken = studentLink.group(1);
            browser.screenshot("class-2-roster-imported-zh");

            // 3. An exercise saved in the editor, an exam built from it, published; it closed for the class an hour ago.
            String exercise = "my-padding-" + tag;
            String yaml = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + exercise);
            d.get(root + "instructor/exercises/new");
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("document.getElementById('yaml').value = arguments[0];", yaml);
            browser.clickAndWait(d.findElement(By.cssSelector("button[name=action][value=save]")));
            d.get(root + "courses/" + courseId + "/quizzes/new?q=" + exercise);
            d.findElement(By.id("use-" + exercise)).click();
            type(d, "title_en", "Padding exam");
            type(d, "title_zh", "填充测验");
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("mode"))).selectByValue("exam");
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("reveal"))).selectByValue("after_submit");
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).withSecond(0).withNano(0);
            typeTime(d, "opens_at", now.minusHours(3));
            typeTime(d, "closes_at", now.minusHours(1));
            type(d, "time_limit", "20");
            browser.screenshot("class-3-quiz-built-zh");
            browser.clickAndWait(d.findElement(By.id("build-quiz")));
            long quizId = QuarkusTransaction.requiringNew().call(() -> Quiz.<Quiz>find("course.id = ?1 and titleEn = ?2", courseId,
                    "Padding exam").firstResult().id);

            // 4. A later close for the student who was ill.
            d.get(root + "courses/" + courseId + "/quizzes/" + quizId + "/overrides");
            type(d, "student", student);
            typeTime(d, "closes_at", now.plusDays(1));
            type(d, "reason", "病假（医生证明）");
            browser.clickAndWait(d.findElement(By.cssSelector("form[action$='/overrides'] button[type=submit]")));
            String closes = now.plusDays(1).atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            assertTrue(d.getPageSource().contains(closes + " Asia/Shanghai"), "the student's close in the course's zone");
            browser.screenshot("class-4-override-zh");

            // 5. The student sets a password, joins nothing (the roster did that), and takes the exam late.
            setPassword(browser, studentToken, password);
            signIn(browser, student, password);
            d.get(root + "courses/" + courseId);
            String coursePage = d.getPageSource();
            assertTrue(coursePage.contains("填充测验") && coursePage.contains(closes + " Asia/Shanghai"), "listed as open, closing later");
            browser.clickAndWait(d.findElement(By.cssSelector("[data-quiz='" + quizId + "'] button[type=submit]")));
            long attempt = data.latestAttempt(student);
            data.pinVariants(attempt);
            d.navigate().refresh();
            // the pinned variant is the tutorial's exercise 3: 4×102×102 (100 + 2·2 − 3 + 1 = 102)
            d.findElement(By.cssSelector("input[name='a.0.shape']")).sendKeys("4×102×102");
            browser.screenshot("class-5-late-exam-zh");
            browser.clickAndWait(d.findElement(By.id("submit-attempt")));
            assertEquals(1, d.findElements(By.cssSelector("#q0 .badge.correct")).size(), "graded right, late but allowed");
            browser.screenshot("class-6-handed-in-zh");
        }
    }
}
