package org.convquiz.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.convquiz.audit.AuditLog;

/** The rules of accounts: registering a student (and joining a course by its code), signing out everywhere. */
@ApplicationScoped
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.-]{3,32}");

    /**
     * Creates a student account from a (normalized) user name and join code and joins that course; returns what
     * was wrong with the form, by field, as bundle keys (nothing stored then), or nothing when it is done.
     */
    @Transactional
    public Map<String, String> register(String name, String displayName, String password, String password2, String code) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(name).matches()) {
            errors.put("username", "account_error_username");
        } else if (User.findByUsername(name).isPresent()) {
            errors.put("username", "account_error_username_taken");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            errors.put("display_name", "account_error_display_name");
        }
        if (password == null || password.length() < 8 || password.length() > 72) {
            errors.put("password", "account_error_password");
        } else if (!password.equals(password2)) {
            errors.put("password2", "account_error_password_mismatch");
        }
        Course course = null;
        if (!code.isEmpty()) {
            course = Course.findByJoinCode(code).orElse(null);
            if (course == null) {
                errors.put("join_code", "account_error_join_code");
            } else if (!course.joiningOpen) {
                errors.put("join_code", "account_error_join_closed");
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        User user = User.create(name, password, User.STUDENT, displayName.trim());
        if (course != null) {
            CourseMember.add(course, user, User.STUDENT);
        }
        AuditLog.record(name, "user.register", course == null ? "" : "joined course " + course.id);
        return Map.of();
    }

    /**
     * Ends the account's sessions on every instance: its session version moves on, so a copy of the cookie is
     * refused from now on. One statement (the entity of CurrentUser is a detached copy): every instance sees the new version.
     */
    @Transactional
    public void signOut(User user) {
        User.update("sessionVersion = sessionVersion + 1 where id = ?1", user.id);
        AuditLog.record(user.username, "sign-out", "sessions before version " + (user.sessionVersion + 1) + " refused");
    }
}
