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
}
