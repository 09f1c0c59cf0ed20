package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.convquiz.quiz.QuizService;
import org.convquiz.quiz.Session;
import org.convquiz.quiz.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files become versions in PostgreSQL; a changed file is a new version and attempts keep theirs; broken files change nothing. */
@QuarkusTest
class ExerciseCatalogTest {
    @Inject
    ExerciseCatalog catalog;

    @Inject
    TestData data;

    @TempDir
    Path dir;

    @Transactional
    long versions(String slug) {
        return ExerciseVersion.count("exercise.slug", slug);
    }

    @Test
    void aChangedFileIsANewVersionAndAttemptsKeepTheOldOne() throws Exception {
        String id = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        String original = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id);
        Files.writeString(dir.resolve(id + ".yaml"), original);
        var first = catalog.loadFiles(dir);
        assertEquals(1, first.newVersions(), first.problems().toString());
        assertEquals(0, catalog.loadFiles(dir).newVersions(), "unchanged content is not a new version");

        var world = data.world(QuizService.Settings.practice(), id);
        long before = Session.login(world.student(), TestData.PASSWORD).start(world.courseId(), world.quizId());
        TestData.Question old = data.question(before, 0);

        Files.writeString(dir.resolve(id + ".yaml"), original.replace("Output shape with padding (exercise 3)", "Output shape, revised"));
        assertEquals(1, catalog.loadFiles(dir).newVersions());
        assertEquals(2, versions(id));
        assertEquals(2, catalog.latest(id).orElseThrow().version);

        // The attempt started before the change still shows and grades its own version.
        TestData.Question same = data.question(before, 0);
        assertEquals(old.definition().contentHash(), same.definition().contentHash());
        assertEquals("Output shape with padding (exercise 3)", same.definition().spec().title().en());
        long after = Session.login(world.other(), TestData.PASSWORD).start(world.courseId(), world.quizId());
        assertEquals("Output shape, revised", data.question(after, 0).definition().spec().title().en());
        assertNotEquals(old.definition().contentHash(), data.question(after, 0).definition().contentHash());
    }

    @Test
    void severalInstancesLoadingTheSameNewFilesAtOnceAllSucceed() throws Exception {
        for (int i = 0; i < 3; i++) {
            String id = "multi-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(dir.resolve(id + ".yaml"),
                    Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id));
        }
        int instances = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        var barrier = new java.util.concurrent.CyclicBarrier(instances);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<ExerciseCatalog.LoadReport>>();
            for (int i = 0; i < instances; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return catalog.loadFiles(dir);
                }));
            }
            int added = 0;
            for (var f : futures) {
                var report = f.get(); // a duplicate key would surface here
                assertTrue(report.problems().isEmpty(), report.problems().toString());
                added += report.newVersions();
            }
            assertEquals(3, added, "each new file stored once, by whichever instance came first");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingFolderIsAClearErrorAndReadinessIsDown() {
        Path missing = dir.resolve("no-such-folder");
        var e = org.junit.jupiter.api.Assertions.assertThrows(ExerciseCatalog.ExerciseFolderException.class, () -> catalog.loadFiles(missing));
        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()) && e.getMessage().contains("convquiz.exercises.dir"),
                e.getMessage());
        ExerciseCatalog broken = new ExerciseCatalog();
        broken.folderProblem = e.getMessage();
        ExercisesReadiness readiness = new ExercisesReadiness();
        readiness.catalog = broken;
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.DOWN, readiness.call().getStatus());
        readiness.catalog = new ExerciseCatalog();
        assertEquals(org.eclipse.microprofile.health.HealthCheckResponse.Status.UP, readiness.call().getStatus());
    }

    @Test
    void anUnchangedFileIsTakenFromItsStoredHash() throws Exception {
        String id = "same-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(dir.resolve(id + ".yaml"),
                Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id));
        assertEquals(0, catalog.loadFiles(dir).unchanged());
        var again = catalog.loadFiles(dir);
        assertEquals(1, again.unchanged());
        assertEquals(0, again.newVersions());
    }

    @Test
    void aBrokenFileIsReportedAndChangesNothing() throws Exception {
        String id = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        String good = Files.readString(Path.of("exercises/padding-output-shape.yaml")).replace("id: padding-output-shape", "id: " + id);
        Files.writeString(dir.resolve(id + ".yaml"), good);
        catalog.loadFiles(dir);
        Files.writeString(dir.resolve(id + ".yaml"), good.replace("quantity: output_shape", "quantity: outptu_shape"));
        var report = catalog.loadFiles(dir);
        assertEquals(0, report.newVersions());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains(id + ".yaml:") && report.problems().get(0).contains("did you mean 'output_shape'"),
                report.problems().get(0));
        assertEquals(1, versions(id), "the stored version stays as it was");
    }
}
