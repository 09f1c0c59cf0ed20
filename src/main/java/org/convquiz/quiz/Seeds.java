package org.convquiz.quiz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Variant seeds per (student, quiz, attempt, question): neighbours get different numbers; never 0 (the pinned variant). */
final class Seeds {
    private Seeds() {
    }

    static long of(long userId, long quizId, int attempt, int position) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((userId + ":" + quizId + ":" + attempt + ":" + position).getBytes(StandardCharsets.UTF_8));
            long seed = ByteBuffer.wrap(digest).getLong() & Long.MAX_VALUE;
            return seed == 0 ? 1 : seed;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
