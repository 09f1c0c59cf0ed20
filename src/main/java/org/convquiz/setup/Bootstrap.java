package org.convquiz.setup;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.convquiz.ConvQuizConfig;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.audit.AuditLog;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.QuizSpec;
import org.convquiz.quiz.Quiz;
import org.convquiz.quiz.QuizService;
import org.jboss.logging.Logger;

/**
 * First start: the first instructor from configuration. Dev and test: demo accounts and a demo course
 * with every tutorial quiz (practice) and the end-of-tutorial exercises as an exam.
 */
@ApplicationScoped
public class Bootstrap {
    private static final Logger LOG = Logger.getLogger(Bootstrap.class);
    public static final String DEMO_JOIN_CODE = "CNNDEMO1";

    @Inject
    ConvQuizConfig config;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    QuizService quizzes;

    // After the exercise catalog (priority 10) so the demo course can use its quizzes.
    @Transactional
    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (config.demo().enabled()) {
            createDemo();
        }
        createFirstInstructor();
        warnWithoutSessionKey();
    }

    /** Without a configured key Quarkus encrypts sessions with a random one: they end at every restart and other instances refuse them. */
    static void warnWithoutSessionKey() {
        String key;
        try {
            key = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("quarkus.http.auth.session.encryption-key", String.class).orElse("");
        } catch (java.util.NoSuchElementException e) { // ${CONVQUIZ_SESSION_KEY} with nothing behind it
            key = "";
        }
        if (key.isBlank()) {
            LOG.warn("CONVQUIZ_SESSION_KEY is not set: sessions use a random key, so they end when the app restarts and "
                    + "other instances do not accept them. Set it to the same 32+ random characters on every instance.");
        }
    }

    void createFirstInstructor() {
        if (User.count("role", User.INSTRUCTOR) > 0) {
            return;
        }
        String username = config.admin().username();
        var password = config.admin().password().filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            LOG.warnf("No instructor exists yet. Set CONVQUIZ_ADMIN_PASSWORD (and CONVQUIZ_ADMIN_USERNAME, default '%s') "
                    + "and restart to create the first one.", username);
            return;
        }
        if (User.findByUsername(username).isPresent()) {
            LOG.warnf("User '%s' exists but is not an instructor; choose another CONVQUIZ_ADMIN_USERNAME.", username);
            return;
        }
        User.create(username, password.get(), User.INSTRUCTOR, username);
        AuditLog.record("system", "user.create", "first instructor " + username);
        LOG.infof("Created the first instructor '%s' from configuration.", username);
    }

    void createDemo() {
        if (Course.findByJoinCode(DEMO_JOIN_CODE).isPresent()) {
            return;
        }
        String password = config.demo().password();
        User teacher = User.findByUsername("teacher").orElseGet(() -> User.create("teacher", password, User.INSTRUCTOR, "Teacher Li"));
        Course course = Course.create("CNN basics (demo)", DEMO_JOIN_CODE);
        CourseMember.add(course, teacher, User.INSTRUCTOR);
        for (int i = 1; i <= 3; i++) {
            String name = "student" + i;
            User student = User.findByUsername(name).orElseGet(() -> User.create(name, password, User.STUDENT, "Student " + name.charAt(7)));
            CourseMember.add(course, student, User.STUDENT);
        }
        for (QuizSpec spec : catalog.quizzes()) {
            boolean exam = spec.section().equals("exercises");
            quizzes.createQuiz(course, spec, spec.id(), exam
                    ? new QuizService.Settings(Quiz.Mode.exam, Quiz.Reveal.after_submit, null, null, 30, 2)
                    : QuizService.Settings.practice());
        }
        LOG.infof("Demo course '%s' (join code %s) with users teacher, student1..3 (password from convquiz.demo.password).",
                course.title, DEMO_JOIN_CODE);
    }
}
