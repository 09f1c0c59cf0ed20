package org.convquiz.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A course: its instructors and students, and (in the quiz package) its quizzes. */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "join_code", nullable = false, unique = true, length = 32)
    public String joinCode;

    /** Whether the join code admits new students (an instructor closes joining once the class is complete). */
    @Column(name = "joining_open", nullable = false)
    public boolean joiningOpen = true;

    /** An IANA zone such as Asia/Shanghai that the course's times are entered and shown in; null: the app's default. */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Course create(String title, String joinCode) {
        Course course = new Course();
        course.title = title;
        course.joinCode = joinCode == null ? newJoinCode() : joinCode;
        course.persist();
        return course;
    }

    public static String newJoinCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    public static Optional<Course> findByJoinCode(String code) {
        return find("joinCode", code).firstResultOptional();
    }

    /** The courses a user belongs to, by title. */
    public static List<Course> of(User user) {
        return find("select c from Course c, CourseMember m where m.course = c and m.user = ?1 order by c.title", user).list();
    }
}
