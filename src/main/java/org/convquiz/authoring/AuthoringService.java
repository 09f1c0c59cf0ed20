package org.convquiz.authoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convquiz.ReadOnly;
import org.convquiz.account.User;
import org.convquiz.exercise.Exercise;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseFileException;
import org.convquiz.exercise.ExerciseParser;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.SelfTests;

/**
 * "Validate, self-test, store a version", once for the editor page and the API: the text is normalised
 * (CR LF → LF, so one text is one version whichever way it came), parsed, its self-tests run, and it is stored
 * under its author. Saving an exercise its author does not own — a file of the exercises folder or another
 * instructor's — stores a copy {@code <id>-<username>} owned by the author, never a new version of theirs.
 */
@ApplicationScoped
public class AuthoringService {
    private static final Pattern ID_LINE = Pattern.compile("(?m)^id:[ \\t]*['\"]?([A-Za-z0-9_.-]+)['\"]?[ \\t]*$");

    @Inject
    ExerciseCatalog catalog;

    /** What the checks found: a definition when the text parses, its problems or self-test failures otherwise. */
    public record Checked(String text, ExerciseDefinition definition, List<String> problems, List<String> selftestFailures) {
        public boolean valid() {
            return definition != null && problems.isEmpty() && selftestFailures.isEmpty();
        }
    }

    /** Where the text went: the version stored (or the identical one found), and the id it was copied from, if any. */
    public record Saved(ExerciseVersion version, boolean isNew, String copiedFrom) {
    }

    public Checked check(String yaml) {
        String text = yaml == null ? "" : yaml.replace("\r\n", "\n");
        try {
            ExerciseDefinition d = ExerciseParser.parse("exercise.yaml", text);
            return new Checked(text, d, List.of(), SelfTests.run(d));
        } catch (ExerciseFileException e) {
            return new Checked(text, null, e.problems(), List.of());
        }
    }

    /** Stores a checked, valid text for {@code author}; see the class comment for whose exercise it becomes. */
    @Transactional
    public Saved save(Checked checked, User author) {
        if (!checked.valid()) {
            throw new IllegalArgumentException("only a valid text is saved");
        }
        String id = checked.definition().id();
        Exercise existing = Exercise.findBySlug(id).orElse(null);
        if (existing == null || author.id.equals(existing.ownerId)) {
            ExerciseCatalog.Stored stored = catalog.store("browser/" + id + ".yaml", checked.text(), author.username, author.id,
                    existing == null ? null : existing.copiedFromId);
            return new Saved(stored.version(), stored.isNew(), null);
        }
        // Someone else's (or the folder's): the author's own copy, found again on the next save.
        String copyId = copyId(id, author);
        String copyText = withId(checked.text(), copyId);
        Exercise copy = Exercise.findBySlug(copyId).orElse(null);
        if (copy != null && !author.id.equals(copy.ownerId)) {
            throw new ExerciseFileException(List.of("exercise.yaml: the copy's id '" + copyId + "' is taken; give this exercise another id"));
        }
        ExerciseCatalog.Stored stored = catalog.store("browser/" + copyId + ".yaml", copyText, author.username, author.id, existing.id);
        return new Saved(stored.version(), stored.isNew(), id);
    }

    /** The latest version of an exercise {@code user} may see (the folder's or their own); anyone else's is a 404. */
    @ReadOnly
    public ExerciseVersion visible(String id, Integer version, User user) {
        Exercise exercise = Exercise.findBySlug(id).filter(e -> e.ownerId == null || e.ownerId.equals(user.id))
                .orElseThrow(() -> new NotFoundException("no exercise '" + id + "'"));
        if (version == null) {
            return ExerciseVersion.latest(exercise).orElseThrow(() -> new NotFoundException("no exercise '" + id + "'"));
        }
        return ExerciseVersion.<ExerciseVersion>find("exercise = ?1 and version = ?2", exercise, version).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("exercise '" + id + "' has no version " + version));
    }

    /** The latest version of every exercise {@code user} may use (the folder's and their own), read-only. */
    @ReadOnly
    public List<ExerciseVersion> usable(User user) {
        return catalog.latestVersionsVisibleTo(user.id);
    }

    /** Whether saving {@code id} as {@code user} stores a copy (the editor says so before saving). */
    @ReadOnly
    public boolean savesACopy(String id, User user) {
        return Exercise.findBySlug(id).map(e -> !user.id.equals(e.ownerId)).orElse(false);
    }

    static String copyId(String id, User author) {
        String suffix = "-" + author.username.replaceAll("[^a-z0-9_.-]", "");
        String base = id.length() + suffix.length() > 100 ? id.substring(0, 100 - suffix.length()) : id;
        return base + suffix;
    }

    static String withId(String text, String id) {
        Matcher m = ID_LINE.matcher(text);
        if (!m.find()) {
            throw new ExerciseFileException(List.of("exercise.yaml: no top-level 'id:' line to give the copy its own id"));
        }
        return text.substring(0, m.start()) + "id: " + id + text.substring(m.end());
    }
}
