package org.convquiz.quiz;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.Authenticated;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.CurrentUser;
import org.convquiz.account.User;
import org.convquiz.engine.Phrase;
import org.convquiz.exercise.Exercise;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.Misconception;
import org.convquiz.mastery.Concept;
import org.convquiz.mastery.MasteryService;
import org.convquiz.mastery.Picker;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * "Practise my weak spots": each press adds one question to the student's practice attempt at the course's
 * weak-spot quiz — the exercise and seed the {@link Picker} chooses from the student's mastery estimates and
 * recent mistakes — and opens it. When every concept is mastered, nothing is added and the progress page says so.
 */
@Path("/courses/{id}/practise")
@Authenticated
public class PractiseResource {
    static final String SLUG = "weak-spots";

    @Inject
    CurrentUser currentUser;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    MasteryService mastery;

    @Inject
    EntityManager em;

    @POST
    @Transactional
    @Operation(hidden = true)
    public Response next(@PathParam("id") long id) {
        User user = currentUser.user();
        Course course = Course.findById(id);
        if (course == null || CourseMember.of(course, user).filter(m -> User.STUDENT.equals(m.role)).isEmpty()) {
            throw new NotFoundException("no course " + id); // practice is for the course's students
        }
        // one student's presses take turns, so two never append at the same position
        em.createNativeQuery("select pg_advisory_xact_lock(?1, ?2)").setParameter(1, (int) (id ^ 0x5eed))
                .setParameter(2, user.id.intValue()).getSingleResult();
        Map<Concept, Double> known = new EnumMap<>(Concept.class);
        mastery.estimates(id, user.id).forEach((c, e) -> known.put(c, e.known()));
        @SuppressWarnings("unchecked")
        List<Object[]> mine = em.createNativeQuery("""
                select s.misconception, count(*) over () from submission s join attempt_item ai on ai.id = s.attempt_item_id
                join attempt a on a.id = ai.attempt_id join quiz q on q.id = a.quiz_id
                where q.course_id = ?1 and a.user_id = ?2 order by s.id desc limit 20""")
                .setParameter(1, id).setParameter(2, user.id).getResultList();
        List<Misconception> recent = new ArrayList<>();
        long history = 0;
        for (Object[] r : mine) {
            history = ((Number) r[1]).longValue();
            if (r[0] != null) {
                Misconception.parse((String) r[0]).filter(m -> !recent.contains(m)).ifPresent(recent::add);
            }
        }
        List<ExerciseDefinition> folder = new ArrayList<>();
        Map<String, ExerciseVersion> versions = new java.util.HashMap<>();
        for (ExerciseVersion v : catalog.latestVersions()) {
            if (v.exercise.ownerId == null) { // the exercises folder's: every course may practise them
                folder.add(catalog.definition(v));
                versions.put(v.exercise.slug, v);
            }
        }
        Optional<Picker.Pick> pick = Picker.pick(folder, known, mastery.model(), recent, history);
        if (pick.isEmpty()) {
            return Response.seeOther(URI.create("/progress?mastered=" + id)).build();
        }
        Attempt attempt = openAttempt(course, user);
        int position = ((Number) em.createNativeQuery("select coalesce(max(position) + 1, 0) from attempt_item where attempt_id = ?1")
                .setParameter(1, attempt.id).getSingleResult()).intValue();
        AttemptItem item = new AttemptItem();
        item.attempt = attempt;
        item.position = position;
        item.exerciseVersion = versions.get(pick.get().exercise().id());
        item.seed = pick.get().seed();
        item.persist();
        return Response.seeOther(URI.create("/attempts/" + attempt.id + "#q" + position)).build();
    }

    /** The student's unfinished attempt at the course's weak-spot quiz (both made on first use). */
    private Attempt openAttempt(Course course, User user) {
        Quiz quiz = Quiz.<Quiz>find("course = ?1 and slug = ?2", course, SLUG).firstResult();
        if (quiz == null) {
            Phrase title = Phrase.of("pages.weak-spots.title");
            em.createNativeQuery("""
                    insert into quiz (course_id, slug, title_en, title_zh, mode, reveal, adaptive, published, position, version)
                    values (?1, ?2, ?3, ?4, 'practice', 'immediately', true, true, 0, 0)
                    on conflict on constraint quiz_slug_unique do nothing""").setParameter(1, course.id).setParameter(2, SLUG)
                    .setParameter(3, title.en()).setParameter(4, title.zh()).executeUpdate();
            quiz = Quiz.<Quiz>find("course = ?1 and slug = ?2", course, SLUG).firstResult();
        }
        for (Attempt a : Attempt.of(quiz, user)) {
            if (!a.isSubmitted()) {
                return a;
            }
        }
        Attempt attempt = new Attempt();
        attempt.quiz = quiz;
        attempt.user = user;
        attempt.number = (int) Attempt.count(quiz, user) + 1;
        attempt.startedAt = Instant.now().atOffset(ZoneOffset.UTC);
        attempt.persist();
        return attempt;
    }
}
