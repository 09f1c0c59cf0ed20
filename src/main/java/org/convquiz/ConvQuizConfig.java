package org.convquiz;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/** ConvQuiz's own configuration (prefix {@code convquiz}); environment variables like CONVQUIZ_ADMIN_PASSWORD set it. */
@ConfigMapping(prefix = "convquiz")
public interface ConvQuizConfig {

    Admin admin();

    Demo demo();

    Exercises exercises();

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
        /** Folder of exercise files (*.yaml) with quizzes in its quizzes/ subfolder. */
        @WithDefault("exercises")
        String dir();
    }
}
