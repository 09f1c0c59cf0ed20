package org.convquiz.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convquiz.ReadOnly;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.audit.AuditLog;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.Grader;
import org.convquiz.exercise.QuizSpec;

/**
 * The rules of courses: making one, joining one with its code, an instructor's quizzes, order and time zone,
 * and the course page with the student's standing. Each method is one transaction; pages are read-only.
 */
@ApplicationScoped
public class CourseService {
    /** A quiz in the instructor's order list: its title and the version the move buttons send back. */
    public record OrderRow(long id, String title, int version, boolean published) {
    }

    /** A quiz file an instructor can add to a course. */
    public record TemplateOption(String id, String title, int exercises) {
    }

    /** What the course page shows. */
    public record Page(Views.CourseRow course, List<Views.QuizRow> open, List<Views.QuizRow> upcoming, List<Views.QuizRow> closed,
            boolean instructor, List<TemplateOption> templates, List<OrderRow> order) {
    }

    /** The end of a change: the course it concerns, or the bundle key of what was wrong with the form and its status. */
    public record Outcome(long courseId, String error, int status) {
        static Outcome done(long courseId) {
            return new Outcome(courseId, null, 0);
        }

        static Outcome refused(long courseId, String error, int status) {
            return new Outcome(courseId, error, status);
        }
    }

    @Inject
    QuizService quizzes;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    EntityManager em;

    @Inject
    jakarta.validation.Validator validator;

    /** The user's courses, by title. */
    @ReadOnly
    public List<Views.CourseRow> rows(User user) {
        List<Views.CourseRow> rows = new ArrayList<>();
        for (CourseMember m : CourseMember.<CourseMember>list("user = ?1 order by course.title", user)) {
            rows.add(new Views.CourseRow(m.course.id, m.course.title, m.role, User.INSTRUCTOR.equals(m.role) ? m.course.joinCode : null,
                    CourseTime.zone(m.course).getId()));
        }
        return rows;
    }

    /** An instructor creates a course (with a fresh join code) and teaches it. */
    @Transactional
    public Outcome create(User user, String title, String timeZone) {
        if (title == null || title.isBlank() || title.length() > 200) {
            return Outcome.refused(0, "courses_create_error", 400);
        }
        Optional<String> zone = CourseTime.known(timeZone);
        if (timeZone != null && !timeZone.isBlank() && zone.isEmpty()) {
            return Outcome.refused(0, "courses_zone_error", 400);
        }
        Course course = Course.create(title.trim(), null);
        course.timeZone = zone.orElse(null);
        CourseMember.add(course, user, User.INSTRUCTOR);
        AuditLog.record(user.username, "course.create", "course " + course.id);
        return Outcome.done(course.id);
    }

    /** An instructor of the course adds a quiz made from a quiz file, with its mode, window and limits. */
    @Transactional
    public Outcome addQuiz(long id, User user, String template, QuizSettingsForm form) {
        Course course = CourseMember.taught(id, user);
        Optional<QuizSpec> spec = catalog.quizzes().stream().filter(q -> q.id().equals(template)).findFirst();
        if (spec.isEmpty()) {
            return Outcome.refused(id, "course_quiz_error_template", 400);
        }
        QuizSettingsForm.Result checked = form.check(validator, course);
        if (checked.error() != null) {
            return Outcome.refused(id, checked.error(), 400);
        }
        String slug = spec.get().id() + "-" + (Quiz.count("course", course) + 1);
        quizzes.createQuiz(course, spec.get(), slug, checked.settings());
        AuditLog.record(user.username, "quiz.create", slug + " in course " + course.id);
        return Outcome.done(id);
    }

    /** An instructor of the course publishes a draft quiz or takes it back to draft. */
    @Transactional
    public void publish(long id, long quizId, User user, boolean published) {
        Quiz quiz = Quiz.findById(quizId);
        if (quiz == null || quiz.course.id != id || !CourseMember.teaches(quiz.course, user)) {
            throw new NotFoundException("no quiz " + quizId + " in course " + id);
        }
        quizzes.publish(quiz, published, user.username);
    }

    /** An instructor of the course sets the time zone its quiz times are entered and shown in (audited). */
    @Transactional
    public Outcome timeZone(long id, User user, String timeZone) {
        Course course = CourseMember.taught(id, user);
        Optional<String> zone = CourseTime.known(timeZone);
        if (zone.isEmpty()) {
            return Outcome.refused(id, "courses_zone_error", 400);
        }
        String before = CourseTime.zone(course).getId();
        course.timeZone = zone.get();
        AuditLog.record(user.username, "course.time_zone", "course " + course.id + ": " + before + " → " + zone.get());
        return Outcome.done(id);
    }

    /** An instructor of the course moves a quiz one place up or down ({@link QuizService#move}). */
    @Transactional
    public void move(long id, long quizId, boolean up, int seenVersion, User user) {
        quizzes.move(CourseMember.taught(id, user), quizId, up, seenVersion, user.username);
    }

    /** Joins the course of a (normalized) join code as a student; joining again changes nothing. */
    @Transactional
    public Outcome join(User user, String code) {
        Optional<Course> course = Course.findByJoinCode(code);
        if (course.isEmpty()) {
            return Outcome.refused(0, "courses_join_error", 400);
        }
        if (!course.get().joiningOpen && CourseMember.of(course.get(), user).isEmpty()) {
            return Outcome.refused(0, "courses_join_closed", 409);
        }
        if (CourseMember.of(course.get(), user).isEmpty()) {
            CourseMember.add(course.get(), user, User.STUDENT); // a join code never makes anyone an instructor of the course
            AuditLog.record(user.username, "course.join", "course " + course.get().id);
        }
        return Outcome.done(course.get().id);
    }

    /**
     * The course page for one of its members. Read-only: an exam attempt whose time ran out is shown handed in,
     * with the score handing it in will store, while the sweeper (or the next POST) does the handing in.
     */
    @ReadOnly
    public Page page(long courseId, User user, String lang) {
        Course course = Course.findById(courseId);
        if (course == null) {
            throw new NotFoundException("no course " + courseId);
        }
        CourseMember member = CourseMember.of(course, user).orElseThrow(() -> new NotFoundException("no course " + course.id));
        Instant now = Instant.now();
        List<Views.QuizRow> open = new ArrayList<>();
        List<Views.QuizRow> upcoming = new ArrayList<>();
        List<Views.QuizRow> closed = new ArrayList<>();
        // The student's attempts at all the course's quizzes and their standings: a fixed number of statements.
        List<Attempt> all = Attempt.list("quiz.course = ?1 and user = ?2 order by number", course, user);
        Map<Long, QuizService.Standing> standings = quizzes.standings(all.stream().map(a -> a.id).toList());
        Map<Long, Double> best = quizzes.bestScores(course.id, user.id);
        Map<Long, Double> handingIn = new HashMap<>();
        for (Attempt a : all) {
            Map<Integer, Map<String, Submission>> rows = quizzes.showAsHandedIn(a, now);
            if (!rows.isEmpty()) {
                // handing in grades only parts with no stored row, so its score is the stored one plus the new rows
                double score = standings.get(a.id).score() + rows.values().stream().flatMap(p -> p.values().stream()).mapToDouble(s -> s.score).sum();
                handingIn.merge(a.quiz.id, Grader.round(score), Math::max);
            }
        }
        if (!handingIn.isEmpty()) {
            Set<Long> overridden = overridden(course.id, user.id); // a grade set by hand wins, attempted or not
            handingIn.forEach((quiz, score) -> {
                if (!overridden.contains(quiz)) {
                    best.merge(quiz, score, Math::max);
                }
            });
        }
        Map<Long, List<Attempt>> byQuiz = new HashMap<>();
        all.forEach(a -> byQuiz.computeIfAbsent(a.quiz.id, k -> new ArrayList<>()).add(a));
        List<Quiz> quizList = Quiz.of(course);
        Map<Long, QuizOverride> overrides = new HashMap<>();
        QuizOverride.<QuizOverride>list("quiz.course = ?1 and user = ?2", course, user).forEach(o -> overrides.put(o.quiz.id, o));
        boolean teaches = User.INSTRUCTOR.equals(member.role);
        for (Quiz quiz : quizList) {
            if (!quiz.published && !teaches) {
                continue; // a draft: only its instructors see it
            }
            QuizOverride.Rules rules = new QuizOverride.Rules(quiz, overrides.get(quiz.id));
            Views.QuizRow row = row(quiz, rules, byQuiz.getOrDefault(quiz.id, List.of()), standings, best.get(quiz.id), lang, now);
            switch (rules.state(now)) {
                case open -> open.add(row);
                case upcoming -> upcoming.add(row);
                case closed -> closed.add(row);
            }
        }
        boolean instructor = User.INSTRUCTOR.equals(member.role);
        List<TemplateOption> templates = instructor
                ? catalog.quizzes().stream().sorted(java.util.Comparator.comparingInt(q -> org.convquiz.exercise.Sections.rank(q.section())))
                        .map(q -> new TemplateOption(q.id(), q.title().in(lang), q.exercises().size())).toList()
                : List.of();
        List<OrderRow> order = instructor ? quizList.stream().map(q -> new OrderRow(q.id, q.title(lang), q.version, q.published)).toList() : List.of();
        return new Page(new Views.CourseRow(course.id, course.title, member.role, instructor ? course.joinCode : null,
                CourseTime.zone(course).getId()), open, upcoming, closed, instructor, templates, order);
    }

    private Set<Long> overridden(long courseId, long userId) {
        Set<Long> out = new HashSet<>();
        for (Object id : em.createNativeQuery("select o.quiz_id from score_override o join quiz q on q.id = o.quiz_id "
                + "where q.course_id = ?1 and o.user_id = ?2").setParameter(1, courseId).setParameter(2, userId).getResultList()) {
            out.add(((Number) id).longValue());
        }
        return out;
    }

    private Views.QuizRow row(Quiz quiz, QuizOverride.Rules rules, List<Attempt> attempts, Map<Long, QuizService.Standing> standings,
            Double best, String lang, Instant now) {
        Long openAttempt = null;
        double max = 0;
        for (Attempt a : attempts) {
            max = standings.get(a.id).maxScore();
            if (!a.isSubmitted()) {
                openAttempt = a.id;
            }
        }
        // the student's own rules: an instructor's override widens the quiz's window, time and attempts
        boolean attemptsLeft = rules.maxAttempts() == null || attempts.size() < rules.maxAttempts();
        boolean canStart = rules.state(now) == Quiz.State.open && attemptsLeft && (quiz.mode == Quiz.Mode.practice || openAttempt == null);
        return new Views.QuizRow(quiz.id, quiz.title(lang), quiz.mode.name(), rules.state(now).name(), attempts.size(), rules.maxAttempts(),
                best, max, openAttempt, CourseTime.format(quiz.opensAt, quiz.course), CourseTime.format(rules.closesAt(), quiz.course),
                rules.timeLimitMinutes(), canStart && quiz.published, !quiz.published);
    }
}
