package org.convquiz.quiz;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.convquiz.audit.AuditLog;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.QuizSpec;
import org.convquiz.web.Lang;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A user's courses, joining one with its code, and a course's quizzes with the student's standing. */
@Path("/courses")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class CourseResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance courses(List<Views.CourseRow> courses, String error, String code, boolean instructor);

        static native TemplateInstance course(Views.CourseRow course, List<Views.QuizRow> open, List<Views.QuizRow> upcoming,
                List<Views.QuizRow> closed, boolean instructor, List<TemplateOption> templates, List<OrderRow> order, String error);
    }

    /** A quiz in the instructor's order list: its title and the version the move buttons send back. */
    public record OrderRow(long id, String title, int version, boolean published) {
    }

    /** A quiz file an instructor can add to a course. */
    public record TemplateOption(String id, String title, int exercises) {
    }

    @Inject
    CurrentUser currentUser;

    @Inject
    QuizService quizzes;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    jakarta.validation.Validator validator;

    @GET
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance courses() {
        return Templates.courses(rows(currentUser.user()), null, "", currentUser.isInstructor());
    }

    /** An instructor creates a course (with a fresh join code) and teaches it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response create(@FormParam("title") String title, @FormParam("time_zone") String timeZone) {
        User user = currentUser.user();
        if (title == null || title.isBlank() || title.length() > 200) {
            return Response.status(400).entity(Templates.courses(rows(user), "courses_create_error", "", true)).build();
        }
        Optional<String> zone = CourseTime.known(timeZone);
        if (timeZone != null && !timeZone.isBlank() && zone.isEmpty()) {
            return Response.status(400).entity(Templates.courses(rows(user), "courses_zone_error", "", true)).build();
        }
        Course course = Course.create(title.trim(), null);
        course.timeZone = zone.orElse(null);
        CourseMember.add(course, user, User.INSTRUCTOR);
        AuditLog.record(user.username, "course.create", "course " + course.id);
        return Response.seeOther(URI.create("/courses/" + course.id)).build();
    }

    /** An instructor of the course adds a quiz made from a quiz file, with its mode, window and limits. */
    @POST
    @Path("{id}/quizzes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response addQuiz(@PathParam("id") long id, @FormParam("template") String template, @jakarta.ws.rs.BeanParam QuizSettingsForm form,
            @Context HttpHeaders headers) {
        User user = currentUser.user();
        Course course = Course.findById(id);
        if (!CourseMember.teaches(course, user)) {
            throw new NotFoundException("no course " + id);
        }
        Optional<QuizSpec> spec = catalog.quizzes().stream().filter(q -> q.id().equals(template)).findFirst();
        if (spec.isEmpty()) {
            return Response.status(400).entity(page(course, user, headers, "course_quiz_error_template")).build();
        }
        QuizSettingsForm.Result checked = form.check(validator, course);
        if (checked.error() != null) {
            return Response.status(400).entity(page(course, user, headers, checked.error())).build();
        }
        String slug = spec.get().id() + "-" + (Quiz.count("course", course) + 1);
        quizzes.createQuiz(course, spec.get(), slug, checked.settings());
        AuditLog.record(user.username, "quiz.create", slug + " in course " + course.id);
        return Response.seeOther(URI.create("/courses/" + course.id)).build();
    }


    /** An instructor of the course publishes a draft quiz or takes it back to draft. */
    @POST
    @Path("{id}/quizzes/{quizId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response publish(@PathParam("id") long id, @PathParam("quizId") long quizId, @FormParam("published") String published) {
        User user = currentUser.user();
        Quiz quiz = Quiz.findById(quizId);
        if (quiz == null || quiz.course.id != id
                || !CourseMember.teaches(quiz.course, user)) {
            throw new NotFoundException("no quiz " + quizId + " in course " + id);
        }
        if (!"true".equals(published) && !"false".equals(published)) {
            throw new jakarta.ws.rs.BadRequestException("published must be 'true' or 'false', got '" + published + "'");
        }
        quizzes.publish(quiz, Boolean.parseBoolean(published), user.username);
        return Response.seeOther(URI.create("/courses/" + id + "#quiz-order")).build();
    }

    /** An instructor of the course sets the time zone its quiz times are entered and shown in (audited). */
    @POST
    @Path("{id}/time-zone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response timeZone(@PathParam("id") long id, @FormParam("time_zone") String timeZone, @Context HttpHeaders headers) {
        User user = currentUser.user();
        Course course = Course.findById(id);
        if (!CourseMember.teaches(course, user)) {
            throw new NotFoundException("no course " + id);
        }
        Optional<String> zone = CourseTime.known(timeZone);
        if (zone.isEmpty()) {
            return Response.status(400).entity(page(course, user, headers, "courses_zone_error")).build();
        }
        String before = CourseTime.zone(course).getId();
        course.timeZone = zone.get();
        AuditLog.record(user.username, "course.time_zone", "course " + course.id + ": " + before + " → " + zone.get());
        return Response.seeOther(URI.create("/courses/" + id)).build();
    }

    /** An instructor of the course moves a quiz one place up or down; a form made from a stale page is refused (409). */
    @POST
    @Path("{id}/quizzes/{quizId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(User.INSTRUCTOR)
    @Operation(hidden = true)
    public Response move(@PathParam("id") long id, @PathParam("quizId") long quizId, @FormParam("direction") String direction,
            @FormParam("version") String version, @Context HttpHeaders headers) {
        User user = currentUser.user();
        Course course = Course.findById(id);
        if (!CourseMember.teaches(course, user)) {
            throw new NotFoundException("no course " + id);
        }
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new jakarta.ws.rs.BadRequestException("direction must be 'up' or 'down', got '" + direction + "'");
        }
        int seen;
        try {
            seen = Integer.parseInt(version == null ? "" : version.trim());
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("the form has no quiz version; reload the page");
        }
        try {
            quizzes.move(course, quizId, "up".equals(direction), seen, user.username);
        } catch (QuizRuleException e) {
            return Response.status(409).entity(page(Course.findById(id), user, headers, e.key())).build();
        } catch (RuntimeException e) {
            if (!stale(e)) {
                throw e;
            }
            // two instructors moved quizzes at the same moment: the other one's order stands
            return Response.status(409).entity(page(Course.findById(id), user, headers, "course_order_stale")).build();
        }
        return Response.seeOther(URI.create("/courses/" + id + "#quiz-order")).build();
    }

    private static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    @Operation(hidden = true)
    public Response join(@FormParam("code") String code) {
        User user = currentUser.user();
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        Optional<Course> course = Course.findByJoinCode(normalized);
        if (course.isEmpty()) {
            return Response.status(400).entity(Templates.courses(rows(user), "courses_join_error", normalized, currentUser.isInstructor())).build();
        }
        if (!course.get().joiningOpen && CourseMember.of(course.get(), user).isEmpty()) {
            return Response.status(409).entity(Templates.courses(rows(user), "courses_join_closed", normalized, currentUser.isInstructor())).build();
        }
        if (CourseMember.of(course.get(), user).isEmpty()) {
            CourseMember.add(course.get(), user, User.STUDENT); // a join code never makes anyone an instructor of the course
            AuditLog.record(user.username, "course.join", "course " + course.get().id);
        }
        return Response.seeOther(URI.create("/courses/" + course.get().id)).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(hidden = true)
    public TemplateInstance course(@PathParam("id") long id, @Context HttpHeaders headers) {
        User user = currentUser.user();
        Course course = Course.findById(id);
        if (course == null) {
            throw new NotFoundException("no course " + id);
        }
        return page(course, user, headers, null);
    }

    private TemplateInstance page(Course course, User user, HttpHeaders headers, String error) {
        CourseMember member = CourseMember.of(course, user).orElseThrow(() -> new NotFoundException("no course " + course.id));
        String lang = Lang.of(headers).tag();
        Instant now = Instant.now();
        List<Views.QuizRow> open = new ArrayList<>();
        List<Views.QuizRow> upcoming = new ArrayList<>();
        List<Views.QuizRow> closed = new ArrayList<>();
        // The student's attempts at all the course's quizzes and their standings: a fixed number of statements.
        List<Attempt> all = Attempt.list("quiz.course = ?1 and user = ?2 order by number", course, user);
        for (Attempt a : all) {
            if (!a.isSubmitted() && a.isOverdue(now)) {
                quizzes.closeIfOverdue(a, now);
            }
        }
        Map<Long, QuizService.Standing> standings = quizzes.standings(all.stream().map(a -> a.id).toList());
        Map<Long, Double> best = quizzes.bestScores(course.id, user.id);
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
        return Templates.course(new Views.CourseRow(course.id, course.title, member.role, instructor ? course.joinCode : null,
                CourseTime.zone(course).getId()),
                open, upcoming, closed, instructor, templates, order, error);
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

    private static List<Views.CourseRow> rows(User user) {
        List<Views.CourseRow> rows = new ArrayList<>();
        for (CourseMember m : CourseMember.<CourseMember>list("user = ?1 order by course.title", user)) {
            rows.add(new Views.CourseRow(m.course.id, m.course.title, m.role, User.INSTRUCTOR.equals(m.role) ? m.course.joinCode : null,
                    CourseTime.zone(m.course).getId()));
        }
        return rows;
    }
}
