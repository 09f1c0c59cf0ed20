package org.convquiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.ZoneId;
import java.util.Optional;

/** ConvQuiz's own configuration (prefix {@code convquiz}); environment variables like CONVQUIZ_ADMIN_PASSWORD set it. */
@ConfigMapping(prefix = "convquiz")
public interface ConvQuizConfig {

    Admin admin();

    Demo demo();

    Exercises exercises();

    Session session();

    Password password();

    @WithName("sign-in")
    SignIn signIn();

    /** The address students and instructors use (CONVQUIZ_URL), shown at start-up; behind a proxy, the public one. */
    @WithDefault("http://localhost:8080")
    String url();

    /** The page language when neither ?lang=, the cookie nor the browser names one ConvQuiz speaks: en or zh (CONVQUIZ_LANGUAGE). */
    @WithDefault("en")
    String language();

    /** The time zone quiz windows are entered and shown in (CONVQUIZ_TIME_ZONE), e.g. Asia/Shanghai. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /** How often overdue exam attempts are handed in (DeadlineSweeper); "off" disables it (tests sweep themselves). */
    @WithName("deadline-sweep")
    @WithDefault("60s")
    String deadlineSweep();

    /** How often new submissions are folded into the statistics summary (StatisticsSummary); "off" disables it. */
    @WithName("statistics-fold")
    @WithDefault("60s")
    String statisticsFold();

    /**
     * How old a submission must be before it is folded into the statistics summary: longer than any transaction
     * that stores submissions, so none is skipped while still uncommitted (until then pages count it live).
     */
    @WithName("statistics-settle")
    @WithDefault("2m")
    java.time.Duration statisticsSettle();

    /**
     * How many detail exports may stream at once (CONVQUIZ_DETAIL_EXPORTS). Each holds two database connections and
     * two threads for a second or more; one more is answered 503 with Retry-After, so instructors downloading during an
     * exam never take the connections students' hand-ins need.
     */
    @WithName("detail-exports")
    @WithDefault("2")
    int detailExports();

    /** The first instructor, created at first start when no instructor exists. */
    interface Admin {
        @WithDefault("admin")
        String username();

        /** No default: without it no instructor is created (and the log says how to create one). */
        Optional<String> password();
    }

    /** Demo accounts (student1…student3 / instructor) and a demo course: dev and test profiles only. */
    interface Demo {
        @WithDefault("false")
        boolean enabled();

        @WithName("password")
        @WithDefault("convquiz-demo")
        String password();
    }

    interface Exercises {
        /**
         * Folder of exercise files (*.yaml) with quizzes in its quizzes/ subfolder (CONVQUIZ_EXERCISES_DIR). A
         * relative path is looked up in the working directory, then beside the app (see ExercisesFolder).
         */
        @WithDefault("exercises")
        String dir();
    }

    /** Bayesian Knowledge Tracing of each student's concepts (org.convquiz.mastery.Bkt states the formulas). */
    Mastery mastery();

    interface Mastery {
        /** P(L₀): the estimate before any evidence. */
        @WithName("p-init")
        @WithDefault("0.2")
        double pInit();

        /** P(T): the chance of learning the concept at each answer. */
        @WithName("p-learn")
        @WithDefault("0.15")
        double pLearn();

        /** P(S): the chance that a student who knows it answers wrong anyway. */
        @WithName("p-slip")
        @WithDefault("0.1")
        double pSlip();

        /** P(G): the chance that a student who does not know it answers right anyway. */
        @WithName("p-guess")
        @WithDefault("0.2")
        double pGuess();

        /** The estimate from which a concept counts as mastered (and practice stops suggesting it). */
        @WithDefault("0.95")
        double mastered();
    }

    interface Session {
        /**
         * The key that encrypts session cookies (CONVQUIZ_SESSION_KEY): the same on every instance and across
         * restarts. Without one of 32 or more characters the app does not start (dev and test have their own).
         */
        @WithDefault("not-set") // too short on purpose: the message below names the variable (an empty default would read as missing)
        @jakarta.validation.constraints.Size(min = 32, message = "CONVQUIZ_SESSION_KEY must be set to 32 or more random characters, the same on "
                + "every instance (e.g. openssl rand -hex 32)")
        String key();

        /** Mark every cookie Secure even when requests arrive as plain HTTP (CONVQUIZ_SESSION_SECURE_COOKIES), e.g. behind a TLS proxy. */
        @WithName("secure-cookies")
        @WithDefault("false")
        boolean secureCookies();
    }

    interface Password {
        /**
         * bcrypt cost of stored passwords (CONVQUIZ_PASSWORD_COST): each step doubles the time of a sign-in and of
         * an offline guess (docs/benchmarks.md: cost 10 ≈ 100 ms here). Hashes of another cost are redone at sign-in.
         */
        @WithDefault("10")
        @jakarta.validation.constraints.Min(4)
        @jakarta.validation.constraints.Max(14)
        int cost();

        /** Threads that compare passwords (CONVQUIZ_PASSWORD_HASHING_THREADS); default half the cores, at least one. */
        @WithName("hashing-threads")
        Optional<@jakarta.validation.constraints.Min(1) Integer> hashingThreads();
    }

    /** Back-off for wrong passwords, per account and per address (a class behind one NAT shares an address). */
    interface SignIn {
        /** Failed sign-ins of one account before it is paused (CONVQUIZ_SIGN_IN_ACCOUNT_FAILURES). */
        @WithName("account-failures")
        @WithDefault("5")
        @jakarta.validation.constraints.Min(1)
        int accountFailures();

        /** Failed sign-ins from one address before it is paused (CONVQUIZ_SIGN_IN_ADDRESS_FAILURES). */
        @WithName("address-failures")
        @WithDefault("100")
        @jakarta.validation.constraints.Min(1)
        int addressFailures();

        /** The first pause (CONVQUIZ_SIGN_IN_PAUSE); it doubles with every further failure, up to an hour. */
        @WithDefault("30s")
        java.time.Duration pause();
    }
}
