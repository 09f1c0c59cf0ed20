package org.convquiz.quiz;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Hands in exam attempts whose time ran out, from the drafts saved in time, so grades do not wait
 * for someone to open the attempt. Several instances may sweep at once: the attempt's row lock lets one
 * of them hand it in and the others find it handed in (closeOverdue returns false, no error).
 */
@ApplicationScoped
public class DeadlineSweeper {
    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    @Inject
    QuizService quizzes;

    @Scheduled(every = "${convquiz.deadline-sweep:60s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int closed = 0;
        int failed = 0;
        for (long id : overdue(Instant.now())) {
            try {
                closed += quizzes.closeOverdue(id, Instant.now()) ? 1 : 0;
            } catch (RuntimeException e) {
                // Not a race (the lock rules those out): a real failure, kept visible with its attempt.
                failed++;
                LOG.errorf(e, "Deadline sweep could not hand in attempt %d", id);
            }
        }
        if (closed > 0) {
            LOG.infof("Handed in %d exam attempt(s) whose time ran out", closed);
        }
        if (failed > 0) {
            LOG.warnf("Deadline sweep: %d overdue attempt(s) could not be handed in; retried next sweep", failed);
        }
    }

    @Transactional
    List<Long> overdue(Instant now) {
        return Attempt.getEntityManager().createQuery(
                "select a.id from Attempt a where a.submittedAt is null and a.deadlineAt <= ?1 order by a.deadlineAt", Long.class)
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setMaxResults(1000).getResultList();
    }
}
