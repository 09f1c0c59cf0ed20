package org.convquiz.mastery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.User;
import org.convquiz.exercise.Misconception;

/** What the progress pages show, each in a fixed number of statements whatever the class size. */
@ApplicationScoped
public class MasteryPages {
    public static final int PAGE_SIZE = 100;

    @Inject
    EntityManager em;

    @Inject
    MasteryService mastery;

    /** One concept's bar: the estimate (the prior when there is no evidence yet) and whether it is mastered. */
    public record Bar(Concept concept, double known, int observations, boolean mastered, double threshold) {
        /** The filled part of the 160-pixel bar, and where the mastered mark stands on it. */
        public String width() {
            return String.format(java.util.Locale.ROOT, "%.1f", known * 160);
        }

        public String thresholdX() {
            return String.format(java.util.Locale.ROOT, "%.1f", threshold * 160);
        }

        /** The message key of the concept's name in the {@code mst} bundle. */
        public String key() {
            return "concept_" + concept.name().toLowerCase(java.util.Locale.ROOT);
        }

        public int percent() {
            return (int) Math.round(known * 100);
        }
    }

    /** {@code student}: the user studies in this course, so may practise its weak spots. */
    public record CourseProgress(long courseId, String title, List<Bar> bars, boolean student) {
    }

    /** Every course the user belongs to with a bar per concept: two statements. */
    @Transactional
    public List<CourseProgress> progress(User user) {
        List<org.convquiz.account.CourseMember> memberships = org.convquiz.account.CourseMember.<org.convquiz.account.CourseMember>find(
                "from CourseMember m join fetch m.course where m.user = ?1 order by m.course.title", user).list();
        Map<Long, Map<Concept, MasteryService.Estimate>> all = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select course_id, concept, p_known, observations from mastery where user_id = ?1")
                .setParameter(1, user.id).getResultList();
        for (Object[] r : rows) {
            Concept.parse((String) r[1]).ifPresent(c -> all.computeIfAbsent(((Number) r[0]).longValue(), k -> new EnumMap<>(Concept.class))
                    .put(c, new MasteryService.Estimate(((Number) r[2]).doubleValue(), ((Number) r[3]).intValue())));
        }
        List<CourseProgress> out = new ArrayList<>();
        for (org.convquiz.account.CourseMember m : memberships) {
            Course c = m.course;
            out.add(new CourseProgress(c.id, c.title, bars(all.getOrDefault(c.id, Map.of())), User.STUDENT.equals(m.role)));
        }
        return out;
    }

    /** The mastered threshold in percent, for the pages' words. */
    public int thresholdPercent() {
        return (int) Math.round(mastery.model().mastered() * 100);
    }

    /** A bar per concept, in the tutorial's order. */
    public List<Bar> bars(Map<Concept, MasteryService.Estimate> estimates) {
        Bkt bkt = mastery.model();
        List<Bar> out = new ArrayList<>();
        for (Concept c : Concept.values()) {
            MasteryService.Estimate e = estimates.getOrDefault(c, new MasteryService.Estimate(bkt.pInit(), 0));
            out.add(new Bar(c, e.known(), e.observations(), e.observations() > 0 && bkt.isMastered(e.known()), bkt.mastered()));
        }
        return out;
    }

    /** A named mistake that came back: its title, the concept it betrays, and in how many students (or for one student, how often). */
    public record Persisting(Misconception misconception, Concept concept, long count) {
        public String title(String lang) {
            return misconception.title().in(lang);
        }

        public String conceptKey() {
            return concept == null ? null : "concept_" + concept.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record StudentRow(long id, String username, String displayName, List<Bar> bars, List<Persisting> persisting) {
    }

    public record ClassPage(long courseId, String title, List<StudentRow> students, List<Persisting> persisting, String next,
            boolean first, long mastered, long cells) {
        public String nextParam() {
            return next == null ? null : java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** The course, if the user teaches it; anyone else gets a 404 (no hint that it exists). */
    @Transactional
    public Course taught(long courseId, User user) {
        return CourseMember.taught(courseId, user);
    }

    /**
     * A misconception persists in a student when it was named on two or more different questions: named once,
     * the student practised the concept again, and it was named again. This is the rule in SQL, over a course's
     * submissions, ending with {@code persisting(user_id, misconception, items)}.
     */
    static final String PERSISTING = """
            named as (select a.user_id, m.id as misconception, s.attempt_item_id
                      from submission s join attempt_item ai on ai.id = s.attempt_item_id join attempt a on a.id = ai.attempt_id
                      join quiz q on q.id = a.quiz_id
                      cross join lateral unnest(string_to_array(coalesce(s.misconceptions, s.misconception), ',')) as m(id)
                      where q.course_id = ?1),
            persisting as (select user_id, misconception, count(distinct attempt_item_id) as items from named
                           group by user_id, misconception having count(distinct attempt_item_id) >= 2)""";

    /** A page of up to 100 students (by user name, after {@code after}) × concepts, and the class's persisting mistakes: five statements. */
    @Transactional
    public ClassPage classPage(Course course, String after) {
        String from = after == null ? "" : after;
        @SuppressWarnings("unchecked")
        List<Object[]> people = em.createNativeQuery("""
                select u.id, u.username, u.display_name from course_member cm join app_user u on u.id = cm.user_id
                where cm.course_id = ?1 and cm.role = 'student' and u.username > ?2 order by u.username limit ?3""")
                .setParameter(1, course.id).setParameter(2, from).setParameter(3, PAGE_SIZE + 1).getResultList();
        String next = null;
        if (people.size() > PAGE_SIZE) {
            people = people.subList(0, PAGE_SIZE);
            next = (String) people.get(PAGE_SIZE - 1)[1];
        }
        Long[] ids = people.stream().map(r -> ((Number) r[0]).longValue()).toArray(Long[]::new);
        Map<Long, Map<Concept, MasteryService.Estimate>> estimates = new HashMap<>();
        Map<Long, List<Persisting>> own = new HashMap<>();
        if (ids.length > 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select user_id, concept, p_known, observations from mastery where course_id = ?1 and user_id = any(?2)")
                    .setParameter(1, course.id).setParameter(2, ids).getResultList();
            for (Object[] r : rows) {
                Concept.parse((String) r[1]).ifPresent(c -> estimates.computeIfAbsent(((Number) r[0]).longValue(), k -> new EnumMap<>(Concept.class))
                        .put(c, new MasteryService.Estimate(((Number) r[2]).doubleValue(), ((Number) r[3]).intValue())));
            }
            @SuppressWarnings("unchecked")
            List<Object[]> mine = em.createNativeQuery("with " + PERSISTING
                    + " select user_id, misconception, items from persisting where user_id = any(?2) order by user_id, items desc, misconception")
                    .setParameter(1, course.id).setParameter(2, ids).getResultList();
            for (Object[] r : mine) {
                Misconception.parse((String) r[1]).ifPresent(m -> own.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                        .add(new Persisting(m, ConceptMap.concept(m), ((Number) r[2]).longValue())));
            }
        }
        List<StudentRow> students = new ArrayList<>();
        long mastered = 0;
        for (Object[] r : people) {
            long id = ((Number) r[0]).longValue();
            List<Bar> bars = bars(estimates.getOrDefault(id, Map.of()));
            mastered += bars.stream().filter(Bar::mastered).count();
            students.add(new StudentRow(id, (String) r[1], (String) r[2], bars, own.getOrDefault(id, List.of())));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> summary = em.createNativeQuery("with " + PERSISTING
                + " select misconception, count(*) from persisting group by misconception order by count(*) desc, misconception")
                .setParameter(1, course.id).getResultList();
        Map<Misconception, Long> classWide = new LinkedHashMap<>();
        for (Object[] r : summary) {
            Misconception.parse((String) r[0]).ifPresent(m -> classWide.put(m, ((Number) r[1]).longValue()));
        }
        List<Persisting> persisting = classWide.entrySet().stream()
                .map(e -> new Persisting(e.getKey(), ConceptMap.concept(e.getKey()), e.getValue())).toList();
        return new ClassPage(course.id, course.title, students, persisting, next, after == null || after.isEmpty(), mastered,
                (long) students.size() * Concept.values().length);
    }
}
