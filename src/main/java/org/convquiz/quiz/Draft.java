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

/** What a student has typed into a part so far, saved as they type; the last save wins. */
@Entity
@Table(name = "draft")
public class Draft extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attempt_item_id")
    public AttemptItem item;

    @Column(name = "part_id", nullable = false, length = 64)
    public String partId;

    @Column(name = "raw_answer", nullable = false, columnDefinition = "text")
    public String rawAnswer;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static List<Draft> ofAttempt(Attempt attempt) {
        return find("item.attempt = ?1", attempt).list();
    }
}
