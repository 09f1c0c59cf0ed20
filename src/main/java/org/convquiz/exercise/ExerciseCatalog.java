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
import org.convquiz.audit.AuditLog;
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

    @Inject
    jakarta.persistence.EntityManager em;

    private final Map<Long, ExerciseDefinition> byVersionId = new ConcurrentHashMap<>();
    private volatile List<QuizSpec> quizzes = List.of();
    private volatile List<String> problems = List.of();
    /** Why the configured folder could not be loaded at start (readiness is DOWN while set), or null. */
    volatile String folderProblem;

    /** What a load found: files read, versions added, every problem (a broken file is skipped), and the quizzes. */
    public record LoadReport(int files, int newVersions, List<String> problems, List<QuizSpec> quizzes, int unchanged) {
        public LoadReport(int files, int newVersions, List<String> problems, List<QuizSpec> quizzes) {
            this(files, newVersions, problems, quizzes, 0);
        }
    }

    /** What storing one file's text gave: the version (new or the existing one with the same content). */
    public record Stored(ExerciseVersion version, boolean isNew) {
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        long start = System.nanoTime();
        LoadReport report;
        try {
            report = loadFiles();
        } catch (ExerciseFolderException e) {
            folderProblem = e.getMessage();
            LOG.errorf("Exercises not loaded: %s; readiness stays DOWN until it is fixed and the app restarted", e.getMessage());
            return;
        }
        LOG.infof("Exercises: %d files (%d unchanged, taken from their stored hash), %d new versions, %d quizzes, in %d ms",
                report.files(), report.unchanged(), report.newVersions(), quizzes.size(), (System.nanoTime() - start) / 1_000_000);
        report.problems().forEach(p -> LOG.errorf("Exercise file not loaded: %s", p));
    }

    /** The configured exercises folder is missing or unreadable: a configuration error, not "0 files". */
    public static final class ExerciseFolderException extends RuntimeException {
        public ExerciseFolderException(String message) {
            super(message);
        }
    }

    /** Why the catalog is not ready, if it is not (no folder at start). */
    public Optional<String> notReady() {
        return Optional.ofNullable(folderProblem);
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
        if (!Files.isDirectory(dir)) {
            throw new ExerciseFolderException("the exercises folder " + dir.toAbsolutePath()
                    + " does not exist or is not a folder (set convquiz.exercises.dir / CONVQUIZ_EXERCISES_DIR)");
        }
        List<String> found = new ArrayList<>();
        int files = 0;
        int added = 0;
        int unchanged = 0;
        Map<Path, String> texts = new java.util.LinkedHashMap<>();
        for (Path file : yamlFiles(dir)) {
            try {
                texts.put(file, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                files++;
                found.add(dir.getFileName() + "/" + file.getFileName() + ": cannot be read: " + e.getMessage());
            }
        }
        // A file whose exact text is stored already was validated and dry-run when it was stored: it
        // is not parsed again (one query for all hashes); only new or changed files are.
        Set<String> stored = storedHashes(texts.values().stream().map(ExerciseParser::sha256).toList());
        for (Map.Entry<Path, String> entry : texts.entrySet()) {
            files++;
            Path file = entry.getKey();
            String path = dir.getFileName() + "/" + file.getFileName();
            if (stored.contains(ExerciseParser.sha256(entry.getValue()))) {
                unchanged++;
                continue;
            }
            try {
                Stored result = store(path, entry.getValue(), "files");
                added += result.isNew() ? 1 : 0;
            } catch (ExerciseFileException e) {
                found.addAll(e.problems());
            }
        }
        List<QuizSpec> quizzesFound = loadQuizzes(dir.resolve("quizzes"), found);
        return new LoadReport(files, added, List.copyOf(found), quizzesFound, unchanged);
    }

    private Set<String> storedHashes(List<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select v.contentHash from ExerciseVersion v where v.contentHash in :hashes", String.class)
                .setParameter("hashes", hashes).getResultList());
    }

    /**
     * Validates an exercise's text and stores it as a new version unless the same content is stored
     * already. A broken text throws {@link ExerciseFileException} and changes nothing (nor does it spoil
     * the surrounding transaction, in which other files may be loading).
     */
    @Transactional(dontRollbackOn = ExerciseFileException.class)
    public Stored store(String path, String yaml, String actor) {
        return store(path, yaml, actor, null, null);
    }

    /**
     * The same for an owner: {@code ownerId} null stores a file of the exercises folder (shared); otherwise the
     * exercise must be new or already that owner's (the authoring service picks a copy's id before calling).
     */
    @Transactional(dontRollbackOn = ExerciseFileException.class)
    public Stored store(String path, String yaml, String actor, Long ownerId, Long copiedFromId) {
        ExerciseDefinition definition = ExerciseParser.parse(path, yaml);
        // Several instances may start (and load the same new file) at once: the insert never fails
        // on the unique slug, and the row lock makes them number and store a new version one at a time.
        em.createNativeQuery("insert into exercise (slug, owner_id, copied_from_id) values (?1, ?2, ?3) on conflict (slug) do nothing")
                .setParameter(1, definition.id())
                .setParameter(2, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.LONG, ownerId))
                .setParameter(3, new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.LONG, copiedFromId))
                .executeUpdate();
        Exercise exercise = Exercise.<Exercise>find("slug", definition.id())
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (!java.util.Objects.equals(exercise.ownerId, ownerId)) {
            throw new ExerciseFileException(List.of(path + ": the id '" + definition.id() + "' belongs to "
                    + (exercise.ownerId == null ? "an exercise of the exercises folder" : "another instructor's exercise")
                    + "; give this exercise another id"));
        }
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
        version.authorId = ownerId;
        version.persist();
        AuditLog.record(actor, "exercise.version", definition.id() + " v" + version.version + " " + definition.contentHash());
        return new Stored(version, true);
    }

    /** The parsed definition of a stored version (parsed once per instance). */
    public ExerciseDefinition definition(ExerciseVersion version) {
        // A stored version passed validation and its dry run when it was stored; it is not dry-run again.
        return byVersionId.computeIfAbsent(version.id, id -> ExerciseParser.parseStored(version.sourcePath, version.yaml));
    }

    @Transactional
    public Optional<ExerciseVersion> latest(String slug) {
        return Exercise.findBySlug(slug).flatMap(ExerciseVersion::latest);
    }

    @Transactional
    public List<ExerciseVersion> latestVersions() {
        return latestVersionsVisibleTo(null);
    }

    /**
     * The latest version of every exercise a user may see: the exercises folder's and their own ({@code userId}
     * null: all, for the system).
     */
    @Transactional
    public List<ExerciseVersion> latestVersionsVisibleTo(Long userId) {
        if (userId != null) {
            return ExerciseVersion.<ExerciseVersion>find("select ev from ExerciseVersion ev join fetch ev.exercise e where ev.version = "
                    + "(select max(v.version) from ExerciseVersion v where v.exercise = ev.exercise) "
                    + "and (e.ownerId is null or e.ownerId = ?1) order by e.slug", userId).list();
        }
        return latestVersionsOfAll();
    }

    private List<ExerciseVersion> latestVersionsOfAll() {
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
            return List.of(); // the quizzes/ subfolder is optional
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }
}
