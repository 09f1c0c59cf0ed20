package org.convquiz.exercise;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Where the exercise folder is, wherever the app was started from: an absolute CONVQUIZ_EXERCISES_DIR as
 * given; a relative one in the working directory first, then beside the app itself (the folder of
 * quarkus-run.jar and its parents, so {@code java -jar target/quarkus-app/quarkus-run.jar} started from
 * anywhere finds the project's {@code exercises/}, and the container finds {@code /app/exercises}).
 */
public final class ExercisesFolder {
    private static final Logger LOG = Logger.getLogger(ExercisesFolder.class);
    /** app/convquiz.jar → quarkus-app → target → project: three levels up reach the project folder. */
    private static final int LEVELS_ABOVE_THE_APP = 4;

    private ExercisesFolder() {
    }

    /** The folder to load; when none of the places exists, the first one, after an error line naming them all. */
    public static Path resolve(String configured) {
        List<Path> candidates = candidates(configured, Path.of("").toAbsolutePath(), appLocation());
        Optional<Path> found = candidates.stream().filter(Files::isDirectory).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        LOG.errorf("%s", missingMessage(configured, candidates));
        return candidates.get(0);
    }

    static List<Path> candidates(String configured, Path workingDir, Optional<Path> appLocation) {
        Path given = Path.of(configured);
        if (given.isAbsolute()) {
            return List.of(given.normalize());
        }
        LinkedHashSet<Path> places = new LinkedHashSet<>();
        places.add(workingDir.resolve(given).normalize());
        Path dir = appLocation.orElse(null);
        for (int i = 0; dir != null && i < LEVELS_ABOVE_THE_APP; i++, dir = dir.getParent()) {
            places.add(dir.resolve(given).normalize());
        }
        return new ArrayList<>(places);
    }

    static String missingMessage(String configured, List<Path> candidates) {
        return "No exercise folder '" + configured + "' (looked in " + candidates + "): start the app from the folder"
                + " that holds exercises/, or set CONVQUIZ_EXERCISES_DIR to its path.";
    }

    /** The folder holding the app's classes (a jar's folder, or target/classes), if it can be told. */
    private static Optional<Path> appLocation() {
        try {
            Path code = Path.of(ExercisesFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(Files.isRegularFile(code) ? code.getParent() : code);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
