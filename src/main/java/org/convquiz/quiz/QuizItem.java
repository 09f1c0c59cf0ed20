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
import org.convquiz.exercise.Exercise;

/** The exercise at one position of a quiz; the version is fixed when an attempt starts. */
@Entity
@Table(name = "quiz_item")
public class QuizItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "quiz_id")
    public Quiz quiz;

    @Column(nullable = false)
    public int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    /** The points this exercise is worth in this quiz; null: the exercise's own. */
    @Column(precision = 8, scale = 2)
    public java.math.BigDecimal points;

    public static List<QuizItem> of(Quiz quiz) {
        return find("quiz = ?1 order by position", quiz).list();
    }
}
