package org.convquiz.exercise;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** An exercise as a stable identity (its slug); its content lives in {@link ExerciseVersion}s. */
@Entity
@Table(name = "exercise")
public class Exercise extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 100)
    public String slug;

    /** The instructor who owns it (an app_user id), or null for the exercises folder's files (shared, read-only). */
    @Column(name = "owner_id")
    public Long ownerId;

    /** The exercise this one was copied from when its owner saved someone else's. */
    @Column(name = "copied_from_id")
    public Long copiedFromId;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Exercise> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
