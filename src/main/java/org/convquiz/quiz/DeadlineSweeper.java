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
 * for someone to open the attempt. Several instances may sweep at once: the submissions' unique
 * idempotency key lets one of them store an attempt and the others skip it.
 */
@ApplicationScoped
public class DeadlineSweeper {
    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    @Inject
    QuizService quizzes;

    @Scheduled(every = "${convquiz.deadline-sweep:60s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int closed = 0;
        for (long id : overdue(Instant.now())) {
            try {
                closed += quizzes.closeOverdue(id, Instant.now()) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.debugf("attempt %d was handed in by another instance: %s", id, e.getMessage());
            }
        }
        if (closed > 0) {
            LOG.infof("Handed in %d exam attempt(s) whose time ran out", closed);
        }
    }

    @Transactional
    List<Long> overdue(Instant now) {
        return Attempt.<Attempt>list("submittedAt is null and deadlineAt <= ?1", now.atOffset(ZoneOffset.UTC)).stream()
                .map(a -> a.id).toList();
    }
}
