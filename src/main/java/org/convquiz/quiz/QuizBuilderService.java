package org.convquiz.quiz;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convquiz.ReadOnly;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.audit.AuditLog;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.QuizSpec;
import org.convquiz.exercise.Sections;
import org.convquiz.exercise.Text;


/**
 * The rules of the quiz builder: which exercises an instructor of a course may pick (the exercises folder's and
 * their own), the checks of the form (titles, points, window, limits), and making the quiz at once.
 */
@ApplicationScoped
public class QuizBuilderService {
    /** Far more than a quiz needs; keeps a forged form from making a quiz of thousands of questions. */
    static final int MAX_EXERCISES = 40;

    /** An exercise that can be put in the quiz. */
    public record Choice(String id, int version, String section, String title, String tags, int parts, boolean own, String points) {
    }

    /** What the builder page lists: the course, the exercises found, the sections, and the order and points typed so far. */
    public record Page(long courseId, String courseTitle, String zone, List<Choice> exercises, List<String> sections,
            Map<String, String> orders, Map<String, String> points) {
    }

    @Inject
    ExerciseCatalog catalog;

    @Inject
    QuizService quizzes;

    @Inject
    jakarta.validation.Validator validator;

    /**
     * Makes a quiz in course {@code id} from the {@code picked} exercise ids and the {@code typed} form fields;
     * returns the bundle key of what was wrong with the form (nothing stored then), or null when it is made.
     */
    @Transactional
    public String build(long id, User user, List<String> picked, Map<String, String> typed) {
        Course course = CourseMember.taught(id, user);
        String titleEn = typed.getOrDefault("title_en", "").trim();
        String titleZh = typed.getOrDefault("title_zh", "").trim();
        Map<String, ExerciseVersion> usable = new LinkedHashMap<>();
        catalog.latestVersionsVisibleTo(user.id).forEach(v -> usable.put(v.exercise.slug, v));
        String error = null;
        if (picked.isEmpty()) {
            error = "error_none";
        } else if (picked.size() > MAX_EXERCISES) {
            error = "error_too_many";
        } else if (!usable.keySet().containsAll(picked)) {
            error = "error_unknown"; // a forged id, or another instructor's own exercise
        } else if (titleEn.isEmpty() || titleEn.length() > 200 || titleZh.length() > 200) {
            error = "error_title";
        }
        Map<String, java.math.BigDecimal> points = new LinkedHashMap<>();
        if (error == null) {
            for (String slug : picked) {
                String typedPoints = typed.getOrDefault("points." + slug, "").trim();
                if (typedPoints.isEmpty()) {
                    continue; // the exercise's own points
                }
                try {
                    java.math.BigDecimal p = new java.math.BigDecimal(typedPoints);
                    if (p.signum() <= 0 || p.compareTo(java.math.BigDecimal.valueOf(1000)) > 0 || p.scale() > 2) {
                        throw new NumberFormatException(typedPoints);
                    }
                    points.put(slug, p);
                } catch (NumberFormatException e) {
                    error = "error_points";
                }
            }
        }
        QuizService.Settings settings = null;
        if (error == null) {
            QuizSettingsForm.Result checked = QuizSettingsForm.of(typed).check(validator, course);
            settings = checked.settings();
            error = checked.error();
        }
        if (error != null) {
            return error;
        }
        // the order typed next to each exercise (blank: after the numbered ones, in the list's order)
        List<String> ordered = new ArrayList<>(picked);
        ordered.sort(Comparator.comparingInt(slug -> place(typed.get("order." + slug))));
        String section = catalog.definition(usable.get(ordered.get(0))).spec().section();
        String slug = "built-" + (Quiz.count("course", course) + 1);
        QuizSpec spec = new QuizSpec(slug, section, Text.of(titleEn, titleZh.isEmpty() ? titleEn : titleZh), ordered);
        Quiz quiz = quizzes.createQuiz(course, spec, slug, settings, points);
        quiz.published = "true".equals(typed.get("publish"));
        AuditLog.record(user.username, "quiz.create", slug + " in course " + course.id + " from " + ordered);
        return null;
    }

    private static int place(String typed) {
        try {
            return typed == null || typed.isBlank() ? Integer.MAX_VALUE : Math.max(0, Integer.parseInt(typed.trim()));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The builder's page of course {@code id} that {@code user} teaches; {@code chosen} exercises are listed whatever the search. */
    @ReadOnly
    public Page page(long id, User user, String q, String section, Map<String, String> form, List<String> chosen, String lang) {
        Course course = CourseMember.taught(id, user);
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        Long me = user.id;
        List<Choice> choices = new ArrayList<>();
        for (ExerciseVersion v : catalog.latestVersionsVisibleTo(me)) {
            ExerciseDefinition d = catalog.definition(v);
            String tags = String.join(", ", d.spec().tags());
            String title = d.spec().title().in(lang);
            boolean matches = needle.isEmpty() || (d.id() + " " + title + " " + tags).toLowerCase(Locale.ROOT).contains(needle);
            boolean inSection = section == null || section.isBlank() || section.equals(d.spec().section());
            if ((matches && inSection) || chosen.contains(d.id())) {
                choices.add(new Choice(d.id(), v.version, d.spec().section(), title, tags, d.spec().parts().size(), me.equals(v.exercise.ownerId),
                        org.convquiz.exercise.answer.ParsedAnswer.TensorAnswer.formatValue(d.maxScore())));
            }
        }
        choices.sort(Comparator.comparingInt((Choice c) -> Sections.rank(c.section())).thenComparing(Choice::id));
        List<String> sections = new ArrayList<>(Sections.ORDER);
        choices.stream().map(Choice::section).filter(s -> !sections.contains(s)).distinct().forEach(sections::add);
        Map<String, String> orders = new LinkedHashMap<>();
        Map<String, String> points = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("order.")) {
                orders.put(k.substring("order.".length()), v);
            } else if (k.startsWith("points.")) {
                points.put(k.substring("points.".length()), v);
            }
        });
        return new Page(course.id, course.title, CourseTime.zone(course).getId(), choices, sections, orders, points);
    }
}
