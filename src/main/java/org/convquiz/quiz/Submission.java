package org.convquiz.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.convquiz.exercise.ExerciseVersion;

/** One graded answer to one part, exactly as it was typed, read and scored. Never updated. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attempt_item_id")
    public AttemptItem item;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_version_id")
    public ExerciseVersion exerciseVersion;

    @Column(nullable = false)
    public long seed;

    @Column(name = "part_id", nullable = false, length = 64)
    public String partId;

    @Column(name = "raw_answer", nullable = false, columnDefinition = "text")
    public String rawAnswer;

    @Column(name = "parsed_answer", columnDefinition = "text")
    public String parsedAnswer;

    @Column(nullable = false, length = 16)
    public String status;

    @Column(nullable = false)
    public double score;

    @Column(name = "max_score", nullable = false)
    public double maxScore;

    @Column(length = 64)
    public String misconception;

    /** Every named mistake, comma-separated ids (the first is {@link #misconception}). */
    /** The right answer as graded (canonical text); null on rows stored before it was kept. */
    @Column(name = "reference_answer", columnDefinition = "text")
    public String referenceAnswer;

    @Column(columnDefinition = "text")
    public String misconceptions;

    /** The feedback as graded, in both languages, so pages show it without grading again. */
    @Column(name = "feedback_en", columnDefinition = "text")
    public String feedbackEn;

    @Column(name = "feedback_zh", columnDefinition = "text")
    public String feedbackZh;

    @Column(name = "idempotency_key", nullable = false, length = 80)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<Submission> of(AttemptItem item) {
        return find("item = ?1 order by id", item).list();
    }

    public static List<Submission> ofAttempt(Attempt attempt) {
        return find("item.attempt = ?1 order by id", attempt).list();
    }

    public static boolean exists(String idempotencyKey) {
        return count("idempotencyKey", idempotencyKey) > 0;
    }
}
