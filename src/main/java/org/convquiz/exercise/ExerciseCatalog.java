package org.convquiz.exercise;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.convquiz.ConvQuizConfig;
import org.convquiz.account.AuditLog;
import org.jboss.logging.Logger;

/**
 * Exercise files in PostgreSQL: loads the folder at start, stores every new content as a new version
 * (by SHA-256), and serves parsed versions from an in-memory cache — versions never change, so the
 * cache is the same on every instance.
 */
@ApplicationScoped
public class ExerciseCatalog {
    private static final Logger LOG = Logger.getLogger(ExerciseCatalog.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    ConvQuizConfig config;

    private final Map<Long, ExerciseDefinition> byVersionId = new ConcurrentHashMap<>();
    private volatile List<QuizSpec> quizzes = List.of();
    private volatile List<String> problems = List.of();

    /** What a load found: files read, versions added, every problem (a broken file is skipped), and the quizzes. */
    public record LoadReport(int files, int newVersions, List<String> problems, List<QuizSpec> quizzes) {
    }

    /** What storing one file's text gave: the version (new or the existing one with the same content). */
    public record Stored(ExerciseVersion version, boolean isNew) {
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        long start = System.nanoTime();
        LoadReport report = loadFiles();
        LOG.infof("Exercises: %d files, %d new versions, %d quizzes, loaded and dry-run in %d ms", report.files(), report.newVersions(),
                quizzes.size(), (System.nanoTime() - start) / 1_000_000);
        report.problems().forEach(p -> LOG.errorf("Exercise file not loaded: %s", p));
    }

    /** Loads the configured folder; its quizzes and problems become the ones this catalog serves. */
    @Transactional
    public LoadReport loadFiles() {
        LoadReport report = loadFiles(ExercisesFolder.resolve(config.exercises().dir()));
        quizzes = report.quizzes();
        problems = report.problems();
        return report;
    }

    /**
     * Stores every *.yaml of a folder as versions and reads its quizzes/ (a broken file is reported and
     * skipped); the quizzes this catalog serves stay those of the configured folder.
     */
    @Transactional
    public LoadReport loadFiles(Path dir) {
        List<String> found = new ArrayList<>();
        int files = 0;
        int added = 0;
        for (Path file : yamlFiles(dir)) {
            files++;
            String path = dir.getFileName() + "/" + file.getFileName();
            try {
                Stored stored = store(path, Files.readString(file, StandardCharsets.UTF_8), "files");
                added += stored.isNew() ? 1 : 0;
            } catch (ExerciseFileException e) {
                found.addAll(e.problems());
            } catch (IOException e) {
                found.add(path + ": cannot be read: " + e.getMessage());
            }
        }
        List<QuizSpec> quizzesFound = loadQuizzes(dir.resolve("quizzes"), found);
        return new LoadReport(files, added, List.copyOf(found), quizzesFound);
    }

    /**
     * Validates an exercise's text and stores it as a new version unless the same content is stored
     * already. A broken text throws {@link ExerciseFileException} and changes nothing (nor does it spoil
     * the surrounding transaction, in which other files may be loading).
     */
    @Transactional(dontRollbackOn = ExerciseFileException.class)
    public Stored store(String path, String yaml, String actor) {
        ExerciseDefinition definition = ExerciseParser.parse(path, yaml);
        Exercise exercise = Exercise.findBySlug(definition.id()).orElseGet(() -> {
            Exercise created = new Exercise();
            created.slug = definition.id();
            created.persist();
            return created;
        });
        Optional<ExerciseVersion> same = ExerciseVersion.find("exercise = ?1 and contentHash = ?2", exercise, definition.contentHash())
                .firstResultOptional();
        if (same.isPresent()) {
            return new Stored(same.get(), false);
        }
        ExerciseVersion version = new ExerciseVersion();
        version.exercise = exercise;
        version.version = ExerciseVersion.latest(exercise).map(v -> v.version + 1).orElse(1);
        version.contentHash = definition.contentHash();
        version.sourcePath = path;
        version.yaml = yaml;
        version.persist();
        AuditLog.record(actor, "exercise.version", definition.id() + " v" + version.version + " " + definition.contentHash());
        return new Stored(version, true);
    }

    /** The parsed definition of a stored version (parsed once per instance). */
    public ExerciseDefinition definition(ExerciseVersion version) {
        return byVersionId.computeIfAbsent(version.id, id -> ExerciseParser.parse(version.sourcePath, version.yaml));
    }

    @Transactional
    public Optional<ExerciseVersion> latest(String slug) {
        return Exercise.findBySlug(slug).flatMap(ExerciseVersion::latest);
    }

    @Transactional
    public List<ExerciseVersion> latestVersions() {
        return ExerciseVersion.<ExerciseVersion>find("select ev from ExerciseVersion ev join fetch ev.exercise e where ev.version = "
                + "(select max(v.version) from ExerciseVersion v where v.exercise = ev.exercise) order by e.slug").list();
    }

    public List<QuizSpec> quizzes() {
        return quizzes;
    }

    public List<String> problems() {
        return problems;
    }

    private List<QuizSpec> loadQuizzes(Path dir, List<String> found) {
        List<QuizSpec> out = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Exercise.<Exercise>listAll().forEach(e -> known.add(e.slug));
        for (Path file : yamlFiles(dir)) {
            String path = "exercises/quizzes/" + file.getFileName();
            try {
                QuizSpec quiz = YAML.readValue(file.toFile(), QuizSpec.class);
                List<String> missing = quiz.exercises().stream().filter(id -> !known.contains(id)).toList();
                if (quiz.id() == null || quiz.title() == null || !quiz.title().isComplete() || quiz.exercises().isEmpty()) {
                    found.add(path + ": a quiz needs id, title {en, zh} and a non-empty exercises list");
                } else if (!missing.isEmpty()) {
                    found.add(path + ": no exercise with id " + missing + Names.suggest(missing.get(0), known));
                } else {
                    out.add(quiz);
                }
            } catch (IOException e) {
                found.add(path + ": " + e.getMessage().split("\n")[0]);
            }
        }
        return List.copyOf(out);
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }
}
