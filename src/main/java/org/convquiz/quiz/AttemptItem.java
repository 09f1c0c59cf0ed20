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
import java.util.List;
import org.convquiz.exercise.ExerciseVersion;

/** One question of an attempt: the exact exercise version and seed its numbers come from. */
@Entity
@Table(name = "attempt_item")
public class AttemptItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attempt_id")
    public Attempt attempt;

    @Column(nullable = false)
    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_version_id")
    public ExerciseVersion exerciseVersion;

    @Column(nullable = false)
    public long seed;

    /** The points the question is worth, fixed when the attempt started; null: the exercise's own. */
    @Column(precision = 8, scale = 2)
    public java.math.BigDecimal points;

    public static List<AttemptItem> of(Attempt attempt) {
        return find("attempt = ?1 order by position", attempt).list();
    }
}
