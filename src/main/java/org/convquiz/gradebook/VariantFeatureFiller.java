package org.convquiz.gradebook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convquiz.ConvQuizConfig;
import org.convquiz.exercise.ExerciseCatalog;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseVersion;
import org.convquiz.exercise.VariantFeatures;
import org.jboss.logging.Logger;

/**
 * Works out, in the background, the features of every variant students were given (table variant_feature, one row per
 * exercise version and seed), so that statistics can compare error rates by feature in SQL. Like the statistics fold it
 * moves a watermark (on attempt_item ids) and waits for rows to settle; the question pages never wait for it.
 */
@ApplicationScoped
public class VariantFeatureFiller {
    private static final Logger LOG = Logger.getLogger(VariantFeatureFiller.class);
    static final int BATCH = 5000;

    @Inject
    EntityManager em;

    @Inject
    ExerciseCatalog catalog;

    @Inject
    ConvQuizConfig config;

    @Scheduled(every = "${convquiz.statistics-fold:60s}", delayed = "25s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFill() {
        try {
            while (fill(config.statisticsSettle()) == BATCH) {
                // a backlog (the first run after the upgrade): keep going in batches, each its own transaction
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Variant features failed; statistics by feature count those variants as not yet classified, and it is retried");
        }
    }

    /** Classifies the variants of up to {@link #BATCH} more attempt items older than {@code settle}; returns how many items. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int fill(Duration settle) {
        long from = ((Number) em.createNativeQuery("select filled_up_to from variant_feature_watermark where id = 1 for update")
                .getSingleResult()).longValue();
        List<Object[]> items = em.createNativeQuery("""
                select ai.id, ai.exercise_version_id, ai.seed from attempt_item ai join attempt a on a.id = ai.attempt_id
                where ai.id > ?1 and a.started_at < now() - make_interval(secs => ?2) order by ai.id limit ?3""")
                .setParameter(1, from).setParameter(2, (double) settle.toMillis() / 1000).setParameter(3, BATCH).getResultList();
        if (items.isEmpty()) {
            return 0;
        }
        Map<String, long[]> pairs = new LinkedHashMap<>();
        for (Object[] r : items) {
            long version = ((Number) r[1]).longValue();
            long seed = ((Number) r[2]).longValue();
            pairs.putIfAbsent(version + "/" + seed, new long[] {version, seed});
        }
        List<Long> versions = new ArrayList<>();
        List<Long> seeds = new ArrayList<>();
        List<Integer> features = new ArrayList<>();
        for (long[] p : pairs.values()) {
            try {
                ExerciseDefinition definition = catalog.definition(em.getReference(ExerciseVersion.class, p[0]));
                features.add(VariantFeatures.of(definition.model(definition.variant(p[1]))));
                versions.add(p[0]);
                seeds.add(p[1]);
            } catch (RuntimeException e) {
                LOG.debugf("Variant %d/%d has no features (%s)", p[0], p[1], e.getMessage()); // a broken stored version: left out
            }
        }
        if (!versions.isEmpty()) {
            em.createNativeQuery("""
                    insert into variant_feature (exercise_version_id, seed, features)
                    select v, s, cast(f as smallint) from unnest(cast(?1 as bigint[]), cast(?2 as bigint[]), cast(?3 as int[])) as t(v, s, f)
                    on conflict do nothing""")
                    .setParameter(1, versions.toArray(Long[]::new)).setParameter(2, seeds.toArray(Long[]::new))
                    .setParameter(3, features.toArray(Integer[]::new)).executeUpdate();
        }
        long upTo = ((Number) items.get(items.size() - 1)[0]).longValue();
        em.createNativeQuery("update variant_feature_watermark set filled_up_to = ?1 where id = 1").setParameter(1, upTo).executeUpdate();
        return items.size();
    }
}
