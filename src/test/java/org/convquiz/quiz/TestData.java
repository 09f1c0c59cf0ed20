package org.convquiz.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.Model;
import org.convquiz.exercise.QuizSpec;
import org.convquiz.exercise.Text;

/** Each test makes its own users, course and quizzes (unique names), so no test depends on another's rows. */
@ApplicationScoped
public class TestData {
    public static final String PASSWORD = "secret-pass-1";

    @Inject
    QuizService quizzes;

    @Inject
    ExerciseCatalog catalog;

    public record World(String student, String other, String instructor, long courseId, String joinCode, long quizId) {
    }

    /** A course with an instructor, two students and one quiz of the given exercises. */
    @Transactional
    public World world(QuizService.Settings settings, String... exercises) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User student = User.create("s" + tag, PASSWORD, User.STUDENT, "Student " + tag);
        User other = User.create("o" + tag, PASSWORD, User.STUDENT, "Other " + tag);
        User teacher = User.create("t" + tag, PASSWORD, User.INSTRUCTOR, "Teacher " + tag);
        Course course = Course.create("Course " + tag, "J" + tag.toUpperCase());
        CourseMember.add(course, student, User.STUDENT);
        CourseMember.add(course, other, User.STUDENT);
        CourseMember.add(course, teacher, User.INSTRUCTOR);
        QuizSpec spec = new QuizSpec("quiz-" + tag, "test", Text.of("Quiz " + tag, "测验 " + tag), List.of(exercises));
        Quiz quiz = quizzes.createQuiz(course, spec, spec.id(), settings);
        org.convquiz.web.Browser.madeUp(student.displayName, other.displayName, teacher.displayName, course.title,
                student.username, other.username, teacher.username, course.joinCode, "Quiz " + tag, "测验 " + tag);
        return new World(student.username, other.username, teacher.username, course.id, course.joinCode, quiz.id);
    }

    /** The question at a position of an attempt: its definition, seed and model, as the grader sees them. */
    public record Question(ExerciseDefinition definition, long seed, Model model) {
    }

    @Transactional
    public Question question(long attemptId, int position) {
        AttemptItem item = AttemptItem.<AttemptItem>find("attempt.id = ?1 and position = ?2", attemptId, position).firstResult();
        ExerciseDefinition definition = catalog.definition(item.exerciseVersion);
        return new Question(definition, item.seed, definition.model(definition.variant(item.seed)));
    }

    /** Gives every question of an attempt its pinned variant (the tutorial's own numbers), so a test can type hand-worked answers. */
    @Transactional
    public void pinVariants(long attemptId) {
        AttemptItem.update("seed = ?1 where attempt.id = ?2", org.convquiz.exercise.Variant.PINNED, attemptId);
    }

    @Transactional
    public long latestAttempt(String username) {
        return Attempt.<Attempt>find("user.username = ?1 order by id desc", username).firstResult().id;
    }

    @Transactional
    public List<Submission> submissions(long attemptId) {
        List<Submission> list = Submission.list("item.attempt.id = ?1 order by id", attemptId);
        list.forEach(s -> s.item.position = s.item.position); // load before the transaction ends
        return list;
    }

    @Transactional
    public Map<String, Object> attemptState(long attemptId) {
        Attempt a = Attempt.findById(attemptId);
        return Map.of("submitted", a.submittedAt != null, "number", a.number);
    }

    @Transactional
    public void moveQuizWindow(long quizId, java.time.OffsetDateTime opens, java.time.OffsetDateTime closes) {
        Quiz quiz = Quiz.findById(quizId);
        quiz.opensAt = opens;
        quiz.closesAt = closes;
    }

    /**
     * Adds {@code n} students to a world's course, each with one attempt at its quiz and one checked
     * answer to question 0 (practice) or a hand-in (exam); {@code password} hashing is the slow part.
     */
    public void addStudentsWithAnswers(World world, int n) {
        for (int i = 0; i < n; i++) {
            User u = enrolled(world);
            answer(world, u);
        }
    }

    /** Runs one SQL statement that changes rows (positional parameters ?1, ?2…) in its own transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void sql(String statement, Object... parameters) {
        var query = Course.getEntityManager().createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }

    /** Enrols {@code n} more students named {@code <prefix>000}, {@code <prefix>001}… (no answers). */
    @Transactional
    public void addStudents(World world, String prefix, int n) {
        Course course = Course.findById(world.courseId());
        for (int i = 0; i < n; i++) {
            CourseMember.add(course, User.create(String.format("%s%03d", prefix, i), PASSWORD, User.STUDENT, "Paged " + prefix + " " + i), User.STUDENT);
        }
    }

    @Transactional
    User enrolled(World world) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        User u = User.create("n" + tag, PASSWORD, User.STUDENT, "Student " + tag);
        CourseMember.add(Course.findById(world.courseId()), u, User.STUDENT);
        org.convquiz.web.Browser.madeUp(u.displayName, u.username);
        return u;
    }

    /** One more attempt by the world's student with one answer in it. */
    public void answerAgain(World world) {
        answer(world, user(world.student()));
    }

    @Transactional
    User user(String username) {
        return User.findByUsername(username).orElseThrow();
    }

    private void answer(World world, User u) {
        java.time.Instant now = java.time.Instant.now();
        long attempt = quizzes.start(world.quizId(), u, now).id;
        Map<String, List<String>> form = Map.of("a.0.shape", List.of("1×2×3"));
        if (quizzes.quizFor(world.quizId(), u).mode == Quiz.Mode.practice) {
            quizzes.check(attempt, u, 0, form, UUID.randomUUID().toString(), now);
        } else {
            quizzes.submit(attempt, u, form, UUID.randomUUID().toString(), now);
        }
    }

    /** Overwrites what was stored for an attempt's submissions (to tell stored results from re-graded ones). */
    @Transactional
    public void overwriteStoredFeedback(long attemptId, String feedbackEn) {
        Submission.<Submission>list("item.attempt.id = ?1", attemptId).forEach(s -> s.feedbackEn = feedbackEn);
    }

    /** Points an attempt's first question at a stored version whose text no longer parses (a broken row). */
    @Transactional
    public void breakFirstQuestion(long attemptId) {
        AttemptItem item = AttemptItem.find("attempt.id = ?1 and position = 0", attemptId).firstResult();
        org.convquiz.exercise.ExerciseVersion broken = new org.convquiz.exercise.ExerciseVersion();
        broken.exercise = item.exerciseVersion.exercise;
        broken.version = -(int) attemptId; // never the latest version, so no other test starts on it
        broken.contentHash = String.format("%064d", attemptId);
        broken.sourcePath = "exercises/broken.yaml";
        broken.yaml = "id: [not, a, slug\n";
        broken.persist();
        item.exerciseVersion = broken;
    }

    @Transactional
    public void rename(String username, String displayName) {
        user(username).displayName = displayName;
    }

    /** What a world's people and course are called (made up by the tests, not the app's wording). */
    @Transactional
    public java.util.Set<String> userText(World world) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Course course = Course.findById(world.courseId());
        out.add(course.title);
        out.add(course.joinCode);
        for (CourseMember m : CourseMember.<CourseMember>list("course", course)) {
            out.add(m.user.displayName);
            out.add(m.user.username);
        }
        Quiz.<Quiz>list("course", course).forEach(q -> {
            out.add(q.titleEn);
            out.add(q.titleZh);
        });
        return out;
    }

    /** The user's role in a course, or null when not a member. */
    @Transactional
    public String memberRole(String username, long courseId) {
        return CourseMember.<CourseMember>find("user.username = ?1 and course.id = ?2", username, courseId).firstResultOptional()
                .map(m -> m.role).orElse(null);
    }

    /** Stores, on every submission of an attempt, the mistakes the grader named (first one, then all, comma-separated). */
    @Transactional
    public void nameMistakes(long attemptId, String... ids) {
        Submission.update("misconception = ?1, misconceptions = ?2 where item.id in (select i.id from AttemptItem i where i.attempt.id = ?3)",
                ids[0], String.join(",", ids), attemptId);
    }

    /** Attempts of a user at a quiz that are not handed in. */
    @Transactional
    public long openAttempts(String username, long quizId) {
        return Attempt.count("user.username = ?1 and quiz.id = ?2 and submittedAt is null", username, quizId);
    }

    @Transactional
    public List<Draft> drafts(long attemptId) {
        return Draft.list("item.attempt.id = ?1", attemptId);
    }

    @Transactional
    public void moveDeadline(long attemptId, java.time.OffsetDateTime deadline) {
        Attempt attempt = Attempt.findById(attemptId);
        attempt.deadlineAt = deadline;
    }
}
