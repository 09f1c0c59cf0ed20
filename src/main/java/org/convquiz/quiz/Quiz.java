package org.convquiz.quiz;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.convquiz.account.Course;

/** A quiz of a course: its exercises, its mode, its window and limits, and when answers are revealed. */
@Entity
@Table(name = "quiz")
public class Quiz extends PanacheEntityBase {

    /** Practice gives feedback at once and unlimited fresh variants; an exam enforces a window, a time limit and attempts. */
    public enum Mode { practice, exam }

    /** When a student may see the correct answers. */
    public enum Reveal { immediately, after_submit, after_close, never }

    /** Where the quiz stands for students right now. */
    public enum State { upcoming, open, closed }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    public Course course;

    @Column(nullable = false, length = 100)
    public String slug;

    @Column(name = "title_en", nullable = false, length = 200)
    public String titleEn;

    @Column(name = "title_zh", nullable = false, length = 200)
    public String titleZh;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Mode mode;

    @Column(name = "opens_at")
    public OffsetDateTime opensAt;

    @Column(name = "closes_at")
    public OffsetDateTime closesAt;

    @Column(name = "time_limit_minutes")
    public Integer timeLimitMinutes;

    @Column(name = "max_attempts")
    public Integer maxAttempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Reveal reveal;

    /** The tutorial section of the quiz file it was made from (orders new quizzes); null when unknown. */
    @Column(length = 64)
    public String section;

    /** The course's weak-spot practice: questions appended one at a time per student; not listed as a quiz. */
    @Column(nullable = false)
    public boolean adaptive;

    /** False while a draft: students neither see nor start it. */
    @Column(nullable = false)
    public boolean published = true;

    /** Place in the course's list of quizzes (ascending). */
    @Column(nullable = false)
    public int position;

    /** Bumped by every change; a form that carries an older one was made from a stale page. */
    @jakarta.persistence.Version
    @Column(nullable = false)
    public int version;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public State state(Instant now) {
        if (opensAt != null && now.isBefore(opensAt.toInstant())) {
            return State.upcoming;
        }
        if (closesAt != null && !now.isBefore(closesAt.toInstant())) {
            return State.closed;
        }
        return State.open;
    }

    public String title(String lang) {
        return "zh".equals(lang) ? titleZh : titleEn;
    }

    public static List<Quiz> of(Course course) {
        return find("course = ?1 and adaptive = false order by position, id", course).list();
    }
}
