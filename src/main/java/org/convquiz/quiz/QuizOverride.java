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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.convquiz.account.User;

/** One student's exception at one quiz: extra minutes per attempt, extra attempts, a later close. */
@Entity
@Table(name = "quiz_override")
public class QuizOverride extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quiz_id")
    public Quiz quiz;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(name = "extra_minutes", nullable = false)
    public int extraMinutes;

    @Column(name = "extra_attempts", nullable = false)
    public int extraAttempts;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Column(nullable = false, length = 500)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 64)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    public static Optional<QuizOverride> of(Quiz quiz, User user) {
        return find("quiz = ?1 and user = ?2", quiz, user).firstResultOptional();
    }

    public static List<QuizOverride> of(Quiz quiz) {
        return find("from QuizOverride o join fetch o.user where o.quiz = ?1 order by o.user.username", quiz).list();
    }

    /** "+15 min, +1 attempt, closes 2026-…" for the audit log. */
    String describe() {
        return "+" + extraMinutes + " min, +" + extraAttempts + " attempts, closes " + (closesAt == null ? "as the quiz" : closesAt)
                + " (" + reason + ")";
    }

    /**
     * The rules of one quiz as they apply to one student: the quiz's own, widened by an override if there is one.
     * Every rule that depends on the window, the time limit or the number of attempts reads them from here.
     */
    public record Rules(Quiz quiz, QuizOverride override) {
        public static Rules of(Quiz quiz, User user) {
            return new Rules(quiz, QuizOverride.of(quiz, user).orElse(null));
        }

        public OffsetDateTime closesAt() {
            return override != null && override.closesAt != null ? override.closesAt : quiz.closesAt;
        }

        public Integer maxAttempts() {
            return quiz.maxAttempts == null ? null : quiz.maxAttempts + (override == null ? 0 : override.extraAttempts);
        }

        public Integer timeLimitMinutes() {
            return quiz.timeLimitMinutes == null ? null : quiz.timeLimitMinutes + (override == null ? 0 : override.extraMinutes);
        }

        public Quiz.State state(Instant now) {
            if (quiz.opensAt != null && now.isBefore(quiz.opensAt.toInstant())) {
                return Quiz.State.upcoming;
            }
            OffsetDateTime close = closesAt();
            return close != null && !now.isBefore(close.toInstant()) ? Quiz.State.closed : Quiz.State.open;
        }

        /** An attempt started at {@code start} must be handed in by the earlier of its time limit and the close. */
        public OffsetDateTime deadline(Instant start) {
            Integer minutes = timeLimitMinutes();
            Instant limit = minutes == null ? null : start.plusSeconds(60L * minutes);
            Instant close = closesAt() == null ? null : closesAt().toInstant();
            Instant earliest = limit == null ? close : close == null ? limit : (limit.isBefore(close) ? limit : close);
            return earliest == null ? null : earliest.atOffset(java.time.ZoneOffset.UTC);
        }
    }
}
