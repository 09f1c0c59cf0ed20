package org.convquiz.quiz;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.convquiz.account.Course;
import org.convquiz.web.AppTime;

/**
 * A course's times: entered (datetime-local fields) and shown ("2026-12-01 18:00 Asia/Shanghai") in the
 * course's own time zone, stored in UTC.
 */
public final class CourseTime {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

    private CourseTime() {
    }

    public static ZoneId zone(Course course) {
        return course == null || course.timeZone == null ? AppTime.zoneId() : ZoneId.of(course.timeZone);
    }

    public static String format(OffsetDateTime time, Course course) {
        return time == null ? null : SHOWN.withZone(zone(course)).format(time);
    }

    /** A stored time as a datetime-local field's value in the course's zone (2026-12-01T18:00); null gives "". */
    public static String input(OffsetDateTime time, Course course) {
        return time == null ? "" : INPUT.withZone(zone(course)).format(time);
    }

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    /** A datetime-local field's value (minutes) in the course's zone; blank gives null. */
    public static OffsetDateTime parse(String value, Course course) {
        return value == null || value.isBlank() ? null : LocalDateTime.parse(value.trim()).atZone(zone(course)).toOffsetDateTime();
    }

    /** An IANA zone id as typed or sent by a browser, if the JDK knows it (offsets such as +08:00 are refused: zones keep summer time). */
    public static Optional<String> known(String id) {
        if (id == null || id.isBlank() || id.length() > 64 || !id.contains("/") && !id.equals("UTC")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.trim()).getId());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
