package org.convquiz.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Who did what that matters later (accounts created, courses joined, exercise versions loaded). */
@Entity
@Table(name = "audit_log")
public class AuditLog extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, insertable = false, updatable = false)
    public OffsetDateTime at;

    @Column(length = 64)
    public String actor;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(columnDefinition = "text")
    public String detail;

    public static void record(String actor, String action, String detail) {
        AuditLog entry = new AuditLog();
        entry.actor = actor;
        entry.action = action;
        entry.detail = detail;
        entry.persist();
    }
}
