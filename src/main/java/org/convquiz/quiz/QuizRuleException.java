package org.convquiz.quiz;

/**
 * A quiz rule said no (closed, not yet open, no attempts left, time is up). The key names the
 * message in the message bundle; the status is what the HTTP layer answers with.
 */
public class QuizRuleException extends RuntimeException {
    private final String key;
    private final int status;

    public QuizRuleException(String key, int status, String message) {
        super(message);
        this.key = key;
        this.status = status;
    }

    public String key() {
        return key;
    }

    public int status() {
        return status;
    }
}
