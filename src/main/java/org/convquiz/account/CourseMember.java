package org.convquiz.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A user's membership of a course, as a student or an instructor. */
@Entity
@Table(name = "course_member")
public class CourseMember extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id")
    public Course course;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    public User user;

    @Column(nullable = false, length = 16)
    public String role;

    @Column(name = "joined_at", nullable = false, insertable = false, updatable = false)
    public OffsetDateTime joinedAt;

    public static CourseMember add(Course course, User user, String role) {
        CourseMember member = new CourseMember();
        member.course = course;
        member.user = user;
        member.role = role;
        member.persist();
        return member;
    }

    public static Optional<CourseMember> of(Course course, User user) {
        return find("course = ?1 and user = ?2", course, user).firstResultOptional();
    }

    /** Whether the user is one of the course's instructors (its only editors); false for a missing course. */
    public static boolean teaches(Course course, User user) {
        return course != null && of(course, user).filter(m -> User.INSTRUCTOR.equals(m.role)).isPresent();
    }

    /**
     * The course, if the user is one of its instructors; anyone else gets a 404, the same as for a course that does
     * not exist (no hint that it does).
     */
    public static Course taught(long courseId, User user) {
        Course course = Course.findById(courseId);
        if (!teaches(course, user)) {
            throw new jakarta.ws.rs.NotFoundException("no course " + courseId);
        }
        return course;
    }

    public static List<CourseMember> students(Course course) {
        return find("course = ?1 and role = ?2 order by user.username", course, User.STUDENT).list();
    }
}
