package org.convquiz.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the exercise folder is looked for: the working directory first, then beside the app and its parents. */
class ExercisesFolderTest {

    @Test
    void aRelativeFolderIsLookedForInTheWorkingDirectoryThenBesideThePackagedApp() {
        List<Path> places = ExercisesFolder.candidates("exercises", Path.of("/home/ta"),
                Optional.of(Path.of("/srv/convquiz/target/quarkus-app/app")));
        assertEquals(Path.of("/home/ta/exercises"), places.get(0));
        assertTrue(places.contains(Path.of("/srv/convquiz/exercises")), "the project folder of target/quarkus-app: " + places);
        assertTrue(places.contains(Path.of("/srv/convquiz/target/quarkus-app/exercises")), "a copied quarkus-app folder: " + places);
    }

    @Test
    void anAbsoluteFolderIsTakenAsGiven() {
        assertEquals(List.of(Path.of("/data/exercises")), ExercisesFolder.candidates("/data/exercises", Path.of("/home/ta"), Optional.empty()));
    }

    @Test
    void theMessageForAMissingFolderSaysWhereItLookedAndWhatToSet() {
        String message = ExercisesFolder.missingMessage("exercises", List.of(Path.of("/home/ta/exercises")));
        assertTrue(message.contains("/home/ta/exercises") && message.contains("CONVQUIZ_EXERCISES_DIR"), message);
    }
}
