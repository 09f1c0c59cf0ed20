package org.convquiz.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.convquiz.quiz.QuizService.Settings;
import org.junit.jupiter.api.Test;

/**
 * A class arriving at once: the database decides, so no number of tabs, instances or sweeps hands an
 * attempt in twice, opens two exam attempts, or loses a draft.
 */
@QuarkusTest
class ConcurrencyTest {
    private static final int TABS = 6;

    @Inject
    TestData data;

    @Inject
    QuizService quizzes;

    private static Settings exam(Integer minutes) {
        return new Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, minutes, null);
    }

    /** Runs the calls at the same moment (a barrier releases them together) and returns their results. */
    private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier barrier = new CyclicBarrier(calls.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return call.call();
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExamHandedInFromManyTabsAtOnceIsStoredOnce() throws Exception {
        var world = data.world(exam(30), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        List<Callable<Integer>> tabs = new ArrayList<>();
        for (int i = 0; i < TABS; i++) {
            Session tab = Session.login(world.student(), TestData.PASSWORD);
            tab.page("/attempts/" + attempt); // each tab has its own page, so its own idempotency token
            String token = tab.idempotency(0);
            tabs.add(() -> tab.post("/attempts/" + attempt + "/submit", "idempotency", token, "a.0.shape", "1×2×3").statusCode());
        }
        assertEquals(Set.of(303), Set.copyOf(together(tabs)));
        assertEquals(1, data.submissions(attempt).size(), "one part, handed in once");
    }

    @Test
    void sweepsAndPageViewsAtTheDeadlineHandInOnce() throws Exception {
        var world = data.world(exam(30), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        s.page("/attempts/" + attempt);
        s.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", "1×2×3").then().statusCode(204);
        data.moveDeadline(attempt, OffsetDateTime.now().minusSeconds(1));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < TABS; i++) {
            Session tab = Session.login(world.student(), TestData.PASSWORD);
            calls.add(() -> tab.get("/attempts/" + attempt).statusCode());
            calls.add(() -> quizzes.closeOverdue(attempt, Instant.now()) ? 200 : 200); // another instance's sweep
        }
        assertEquals(Set.of(200), Set.copyOf(together(calls)));
        List<Submission> stored = data.submissions(attempt);
        assertEquals(1, stored.size(), "handed in once from the draft");
        assertEquals("1×2×3", stored.get(0).rawAnswer);
    }

    @Test
    void startClicksAtOnceOpenOneExamAttempt() throws Exception {
        var world = data.world(exam(30), "padding-output-shape");
        List<Callable<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < TABS; i++) {
            Session tab = Session.login(world.student(), TestData.PASSWORD);
            tab.page("/courses/" + world.courseId());
            clicks.add(() -> tab.post("/quizzes/" + world.quizId() + "/attempts").statusCode());
        }
        assertEquals(Set.of(303), Set.copyOf(together(clicks)));
        assertEquals(1, data.openAttempts(world.student(), world.quizId()));
    }

    @Test
    void twoSavesOfOneBoxAtOnceKeepAValue() throws Exception {
        var world = data.world(exam(30), "padding-output-shape");
        Session s = Session.login(world.student(), TestData.PASSWORD);
        long attempt = s.start(world.courseId(), world.quizId());
        for (int round = 0; round < 4; round++) {
            List<Callable<Integer>> saves = new ArrayList<>();
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Session tab = Session.login(world.student(), TestData.PASSWORD);
                tab.page("/attempts/" + attempt);
                String value = round + "×" + i + "×1";
                typed.add(value);
                saves.add(() -> tab.post("/attempts/" + attempt + "/drafts", "position", "0", "part", "shape", "a.0.shape", value)
                        .statusCode());
            }
            assertEquals(Set.of(204), Set.copyOf(together(saves)));
            List<Draft> drafts = data.drafts(attempt);
            assertEquals(1, drafts.size());
            assertTrue(typed.contains(drafts.get(0).rawAnswer), drafts.get(0).rawAnswer);
        }
    }
}
