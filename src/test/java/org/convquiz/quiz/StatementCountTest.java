package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.convquiz.quiz.QuizService.Settings;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Pages cost a fixed number of SQL statements whatever the class size: every statement Hibernate
 * prepares (entity loads, JPQL and native SQL) is counted for a class of 2 and one of 20.
 */
@QuarkusTest
class StatementCountTest {
    @Inject
    TestData data;

    @Inject
    SessionFactory sessions;

    private long statements(Supplier<Integer> request) {
        long before = sessions.getStatistics().getPrepareStatementCount();
        assertEquals(200, request.get());
        return sessions.getStatistics().getPrepareStatementCount() - before;
    }

    /** Statement counts of each page for a class of {@code n} students, where the first student has {@code n} attempts. */
    private Map<String, Long> countsFor(Settings settings, int n) {
        var world = data.world(settings, "padding-output-shape", "fig2-padding");
        data.addStudentsWithAnswers(world, n - 2);
        for (int i = 0; i < n; i++) {
            data.answerAgain(world);
        }
        Session teacher = Session.login(world.instructor(), TestData.PASSWORD);
        Session student = Session.login(world.student(), TestData.PASSWORD);
        String base = "/courses/" + world.courseId();
        Map<String, Supplier<Integer>> pages = new LinkedHashMap<>();
        pages.put("gradebook", () -> teacher.get(base + "/gradebook").statusCode());
        pages.put("gradebook by total", () -> teacher.get(base + "/gradebook?sort=total&dir=desc").statusCode());
        pages.put("gradebook by quiz", () -> teacher.get(base + "/gradebook?sort=quiz-" + world.quizId()).statusCode());
        pages.put("gradebook by name", () -> teacher.get(base + "/gradebook?sort=name&after=" + world.other()).statusCode());
        pages.put("student record", () -> teacher.get(base + "/students/" + world.student()).statusCode());
        pages.put("exercise statistics", () -> teacher.get(base + "/statistics/padding-output-shape").statusCode());
        pages.put("mistakes heat map", () -> teacher.get(base + "/misconceptions").statusCode());
        pages.put("gradebook.csv", () -> teacher.request().accept("text/csv").get(base + "/gradebook.csv").statusCode());
        pages.put("statistics", () -> teacher.get(base + "/statistics").statusCode());
        for (String export : new String[] {"detail", "canvas", "moodle"}) {
            pages.put(export + ".csv", () -> teacher.request().get(base + "/export/" + export + ".csv").statusCode());
        }
        pages.put("course", () -> student.get(base).statusCode());
        pages.put("history", () -> student.get("/history").statusCode());
        pages.put("progress", () -> student.get("/progress").statusCode());
        pages.put("class mastery", () -> teacher.get(base + "/mastery").statusCode());
        Map<String, Long> out = new LinkedHashMap<>();
        pages.forEach((name, page) -> {
            page.get(); // first visit: parses exercise versions this instance has not seen yet
            long userLoads = userEntityLoads();
            out.put(name, statements(page));
            assertEquals(userLoads, userEntityLoads(), name + ": the signed-in account is read once, by the session check, not loaded again");
        });
        assertTrue(sessions.getStatistics().isStatisticsEnabled());
        return out;
    }

    private long userEntityLoads() {
        var stats = sessions.getStatistics().getEntityStatistics(org.convquiz.account.User.class.getName());
        return stats.getLoadCount() + stats.getFetchCount();
    }

    /**
     * A signed-in request costs one statement for the session: the home page reads nothing else, so it is
     * exactly one (the account by its unique username, with its session version and the columns pages use).
     */
    @Test
    void aSignedInRequestCostsOneStatementForItsSession() {
        var world = data.world(Settings.practice(), "padding-output-shape", "fig2-padding");
        Session student = Session.login(world.student(), TestData.PASSWORD);
        student.get("/"); // the first request after sign-in may also renew the cookie
        assertEquals(1, statements(() -> student.get("/").statusCode()));
        assertEquals(0, statements(() -> io.restassured.RestAssured.given().get("/").statusCode()), "signed out: none");
    }

    @Test
    void pagesCostTheSameStatementsFor2And20Students() {
        for (Settings settings : new Settings[] {Settings.practice(),
            new Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, null)}) {
            Map<String, Long> small = countsFor(settings, 2);
            Map<String, Long> large = countsFor(settings, 20);
            assertEquals(small, large, settings.mode() + ": statements per page, 2 vs 20 students and attempts");
            small.forEach((page, count) -> assertTrue(count <= 12, page + " takes " + count + " statements"));
        }
    }
}
