package org.convquiz.mastery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.convquiz.ConvQuizConfig;

/**
 * Keeps the {@code mastery} table: each student's Bayesian Knowledge Tracing estimate per concept and course
 * ({@link Bkt}, parameters from {@code convquiz.mastery.*}). Called inside the transaction that stores
 * submissions; two statements whatever the number of parts.
 */
@ApplicationScoped
public class MasteryService {
    @Inject
    EntityManager em;

    @Inject
    ConvQuizConfig config;

    /** The model with the configured parameters. */
    public Bkt model() {
        ConvQuizConfig.Mastery m = config.mastery();
        return new Bkt(m.pInit(), m.pLearn(), m.pSlip(), m.pGuess(), m.mastered());
    }

    /** One concept's estimate and how many answers it rests on. */
    public record Estimate(double known, int observations) {
    }

    /**
     * Folds the evidence of one request into a student's estimates, in the order given: one statement reads (and
     * locks) the student's rows of the course, one writes every changed concept.
     */
    public void record(long courseId, long userId, List<ConceptMap.Evidence> evidence, Instant now) {
        if (evidence.isEmpty()) {
            return;
        }
        Bkt bkt = model();
        Map<Concept, Estimate> known = new EnumMap<>(Concept.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select concept, p_known, observations from mastery where course_id = ?1 and user_id = ?2 for update")
                .setParameter(1, courseId).setParameter(2, userId).getResultList();
        for (Object[] r : rows) {
            Concept.parse((String) r[0]).ifPresent(c -> known.put(c, new Estimate(((Number) r[1]).doubleValue(), ((Number) r[2]).intValue())));
        }
        Map<Concept, Estimate> changed = new EnumMap<>(Concept.class);
        for (ConceptMap.Evidence e : evidence) {
            Estimate before = known.getOrDefault(e.concept(), new Estimate(bkt.pInit(), 0));
            Estimate after = new Estimate(bkt.update(before.known(), e.credit()), before.observations() + 1);
            known.put(e.concept(), after);
            changed.put(e.concept(), after);
        }
        StringBuilder sql = new StringBuilder("insert into mastery (course_id, user_id, concept, p_known, observations, updated_at) values ");
        int i = 0;
        for (int k = 0; k < changed.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append("(?1, ?2, ?").append(4 + 3 * k).append(", ?").append(5 + 3 * k).append(", ?").append(6 + 3 * k).append(", ?3)");
        }
        sql.append(" on conflict (course_id, user_id, concept) do update set p_known = excluded.p_known,"
                + " observations = excluded.observations, updated_at = excluded.updated_at");
        var query = em.createNativeQuery(sql.toString()).setParameter(1, courseId).setParameter(2, userId)
                .setParameter(3, now.atOffset(ZoneOffset.UTC));
        for (Map.Entry<Concept, Estimate> c : changed.entrySet()) {
            query.setParameter(4 + 3 * i, c.getKey().id()).setParameter(5 + 3 * i, c.getValue().known())
                    .setParameter(6 + 3 * i, c.getValue().observations());
            i++;
        }
        query.executeUpdate();
    }

    /** A student's estimates in a course (concepts without evidence are absent), in one statement. */
    public Map<Concept, Estimate> estimates(long courseId, long userId) {
        Map<Concept, Estimate> out = new EnumMap<>(Concept.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select concept, p_known, observations from mastery where course_id = ?1 and user_id = ?2")
                .setParameter(1, courseId).setParameter(2, userId).getResultList();
        for (Object[] r : rows) {
            Concept.parse((String) r[0]).ifPresent(c -> out.put(c, new Estimate(((Number) r[1]).doubleValue(), ((Number) r[2]).intValue())));
        }
        return out;
    }
}
