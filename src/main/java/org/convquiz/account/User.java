package org.convquiz.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A person who signs in: a student or an instructor. Passwords are stored as bcrypt hashes. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {
    public static final String STUDENT = "student";
    public static final String INSTRUCTOR = "instructor";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = 64)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    /** The school's number for the student (LMS exports match on it); optional. */
    @Column(name = "student_number", length = 64)
    public String studentNumber;

    @Column(length = 254)
    public String email;

    /** Moves on at sign-out: session cookies carry it, and one with an older version is refused (SessionIdentityProvider). */
    @Column(name = "session_version", nullable = false)
    public int sessionVersion;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static User create(String username, String password, String role, String displayName) {
        User user = new User();
        user.username = username;
        user.passwordHash = Passwords.hash(password);
        user.role = role;
        user.displayName = displayName;
        user.persist();
        return user;
    }

    /**
     * An account made for someone else (co-instructor, roster): no password yet — the stored value is no bcrypt
     * hash, so nothing signs in with it until its owner sets one through a one-time link.
     */
    public static User createWithoutPassword(String username, String role, String displayName) {
        User user = new User();
        user.username = username;
        user.passwordHash = "!no-password";
        user.role = role;
        user.displayName = displayName;
        user.persist();
        return user;
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public boolean isInstructor() {
        return INSTRUCTOR.equals(role);
    }
}
