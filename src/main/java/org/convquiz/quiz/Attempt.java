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
import org.convquiz.account.User;

/** One student's go at a quiz; its questions (variants) are fixed when it starts. */
@Entity
@Table(name = "attempt")
public class Attempt extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quiz_id")
    public Quiz quiz;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(nullable = false)
    public int number;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "deadline_at")
    public OffsetDateTime deadlineAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    /** Past its own time limit or the quiz's closing time. */
    public boolean isOverdue(Instant now) {
        return deadlineAt != null && !now.isBefore(deadlineAt.toInstant());
    }

    public static List<Attempt> of(Quiz quiz, User user) {
        return find("quiz = ?1 and user = ?2 order by number", quiz, user).list();
    }

    public static List<Attempt> of(User user) {
        return find("user = ?1 order by startedAt desc", user).list();
    }

    public static long count(Quiz quiz, User user) {
        return count("quiz = ?1 and user = ?2", quiz, user);
    }
}
