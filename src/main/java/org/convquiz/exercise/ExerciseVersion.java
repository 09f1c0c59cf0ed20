package org.convquiz.exercise;

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
import java.util.Optional;

/** One immutable content of an exercise file, identified by the SHA-256 of its text. */
@Entity
@Table(name = "exercise_version")
public class ExerciseVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Column(nullable = false)
    public int version;

    @Column(name = "content_hash", nullable = false, length = 64, columnDefinition = "bpchar(64)")
    public String contentHash;

    @Column(name = "source_path", nullable = false, length = 300)
    public String sourcePath;

    @Column(nullable = false, columnDefinition = "text")
    public String yaml;

    /** Who wrote this version (an app_user id); null for a file from the exercises folder. */
    @Column(name = "author_id")
    public Long authorId;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<ExerciseVersion> latest(Exercise exercise) {
        return find("exercise = ?1 order by version desc", exercise).firstResultOptional();
    }
}
