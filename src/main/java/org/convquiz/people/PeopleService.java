package org.convquiz.people;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.convquiz.account.Course;
import org.convquiz.account.CourseMember;
import org.convquiz.account.PasswordLinks;
import org.convquiz.account.User;
import org.convquiz.audit.AuditLog;

/**
 * A course's people, managed by its instructors: co-instructors, a roster imported from CSV, one-time
 * password links, removing a student (their submissions stay), and the join code. Every change is audited.
 */
@ApplicationScoped
public class PeopleService {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");
    static final int MAX_ROWS = 5000;

    @Inject
    PasswordLinks links;

    /** A message key and the values it names; rendered in the page's language. */
    public record Problem(int line, String username, String key) {
    }

    /** An account made or changed, and its one-time link when it needs one (shown once, never stored in clear). */
    public record Person(String username, String displayName, String link) {
    }

    public record ImportReport(List<Person> created, List<Person> updated, List<Problem> rejected) {
    }

    /** The course, if {@code user} is one of its instructors; everyone else gets a 404. */
    @Transactional
    public Course taught(long courseId, User user) {
        return CourseMember.taught(courseId, user);
    }

    /** A member as the page lists them. */
    public record Member(String username, String displayName, String role, String studentNumber, String email) {
        public boolean isInstructor() {
            return User.INSTRUCTOR.equals(role);
        }
    }

    /** The course's members, instructors first, by name; at most {@code limit} (one statement). */
    @Transactional
    public List<Member> members(Course course, int limit) {
        return CourseMember.getEntityManager().createQuery("""
                select m.user.username, m.user.displayName, m.role, m.user.studentNumber, m.user.email from CourseMember m
                where m.course = ?1 order by m.role desc, m.user.username""", Object[].class)
                .setParameter(1, course).setMaxResults(limit).getResultList().stream()
                .map(r -> new Member((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    /**
     * Makes {@code username} an instructor of the course: an existing instructor account is added; a new name
     * gets an instructor account and a one-time link. A student account cannot be made an instructor here.
     */
    @Transactional
    public Person addInstructor(Course course, User actor, String rawUsername, String displayName) {
        String username = normalise(rawUsername);
        if (!USERNAME.matcher(username).matches()) {
            throw new PeopleException("people_error_username");
        }
        Optional<User> existing = User.findByUsername(username);
        if (existing.isPresent() && !existing.get().isInstructor()) {
            throw new PeopleException("people_error_student_account");
        }
        User user = existing.orElseGet(() -> User.createWithoutPassword(username, User.INSTRUCTOR,
                displayName == null || displayName.isBlank() ? username : displayName.strip()));
        Optional<CourseMember> member = CourseMember.of(course, user);
        if (member.isPresent() && User.INSTRUCTOR.equals(member.get().role)) {
            throw new PeopleException("people_error_already_instructor");
        }
        member.ifPresent(m -> m.role = User.INSTRUCTOR);
        if (member.isEmpty()) {
            CourseMember.add(course, user, User.INSTRUCTOR);
        }
        AuditLog.record(actor.username, "course.instructor.add", username + " in course " + course.id + (existing.isEmpty() ? " (new account)" : ""));
        return new Person(username, user.displayName, existing.isEmpty() ? links.create(user, actor.username) : null);
    }

    /**
     * Imports a roster: a header row naming {@code username}, {@code name} (or display_name), and optionally
     * {@code email} and {@code student_number}; UTF-8 with or without a byte-order mark. New students get an
     * account and a one-time link; existing students of the course are updated; every other row is rejected
     * with its line and reason. Rejected rows change nothing; the others are stored together.
     */
    @Transactional
    public ImportReport importRoster(Course course, User actor, String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Person> created = new ArrayList<>();
        List<Person> updated = new ArrayList<>();
        List<Problem> rejected = new ArrayList<>();
        List<CSVRecord> records;
        Map<String, Integer> header;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            header = parser.getHeaderMap();
            records = parser.getRecords();
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new PeopleException("people_error_csv");
        }
        String nameColumn = header.containsKey("name") ? "name" : header.containsKey("display_name") ? "display_name" : null;
        if (!header.containsKey("username") || nameColumn == null) {
            throw new PeopleException("people_error_header");
        }
        if (records.size() > MAX_ROWS) {
            throw new PeopleException("people_error_too_many");
        }
        for (CSVRecord r : records) {
            int line = (int) r.getRecordNumber() + 1; // the header is line 1
            String username = normalise(get(r, "username"));
            String name = get(r, nameColumn).strip();
            String email = get(r, "email").strip();
            String number = get(r, "student_number").strip();
            String problem = !USERNAME.matcher(username).matches() ? "people_error_username"
                    : name.isEmpty() || name.length() > 100 ? "people_error_name"
                    : !email.isEmpty() && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+")) ? "people_error_email"
                    : number.length() > 64 ? "people_error_student_number" : null;
            if (problem == null && created.stream().anyMatch(p -> p.username().equals(username))) {
                problem = "people_error_duplicate";
            }
            Optional<User> existing = problem == null ? User.findByUsername(username) : Optional.empty();
            if (problem == null && existing.isPresent() && existing.get().isInstructor()) {
                problem = "people_error_instructor_account";
            }
            if (problem == null && existing.isPresent() && CourseMember.of(course, existing.get()).isEmpty()) {
                problem = "people_error_other_account"; // someone else's account: an instructor cannot take it over
            }
            if (problem != null) {
                rejected.add(new Problem(line, username, problem));
                continue;
            }
            if (existing.isPresent()) {
                User u = existing.get();
                boolean changed = !name.equals(u.displayName) || !email.equals(nz(u.email)) || !number.equals(nz(u.studentNumber));
                u.displayName = name;
                u.email = email.isEmpty() ? null : email;
                u.studentNumber = number.isEmpty() ? null : number;
                if (changed) {
                    updated.add(new Person(username, name, null));
                }
            } else {
                User u = User.createWithoutPassword(username, User.STUDENT, name);
                u.email = email.isEmpty() ? null : email;
                u.studentNumber = number.isEmpty() ? null : number;
                CourseMember.add(course, u, User.STUDENT);
                created.add(new Person(username, name, links.create(u, actor.username)));
            }
        }
        AuditLog.record(actor.username, "course.roster.import", "course " + course.id + ": " + created.size() + " created, "
                + updated.size() + " updated, " + rejected.size() + " rejected");
        return new ImportReport(created, updated, rejected);
    }

    /** A new one-time link for a student of the course (their old password keeps working until the link is used). */
    @Transactional
    public Person resetPassword(Course course, User actor, String username) {
        User student = student(course, username);
        return new Person(student.username, student.displayName, links.create(student, actor.username));
    }

    /** Takes a student off the course; their attempts and submissions stay (and come back if they rejoin). */
    @Transactional
    public void remove(Course course, User actor, String username) {
        User student = student(course, username);
        CourseMember.delete("course = ?1 and user = ?2", course, student);
        AuditLog.record(actor.username, "course.student.remove", username + " from course " + course.id);
    }

    @Transactional
    public String rotateJoinCode(Course course, User actor) {
        Course c = Course.findById(course.id);
        String before = c.joinCode;
        c.joinCode = Course.newJoinCode();
        AuditLog.record(actor.username, "course.join-code", "course " + course.id + ": " + before + " → " + c.joinCode);
        return c.joinCode;
    }

    @Transactional
    public void setJoining(Course course, User actor, boolean open) {
        Course c = Course.findById(course.id);
        AuditLog.record(actor.username, "course.joining", "course " + course.id + ": " + c.joiningOpen + " → " + open);
        c.joiningOpen = open;
    }

    private static User student(Course course, String username) {
        User user = User.findByUsername(normalise(username)).orElseThrow(() -> new PeopleException("people_error_not_a_student"));
        if (CourseMember.of(course, user).filter(m -> User.STUDENT.equals(m.role)).isEmpty()) {
            throw new PeopleException("people_error_not_a_student");
        }
        return user;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** A refused change, named by a message key. */
    public static final class PeopleException extends RuntimeException {
        private final String key;

        public PeopleException(String key) {
            super(key);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
