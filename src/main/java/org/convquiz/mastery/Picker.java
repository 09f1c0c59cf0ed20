package org.convquiz.mastery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convquiz.exercise.ExerciseDefinition;
import org.convquiz.exercise.ExerciseSpec.PartSpec;
import org.convquiz.exercise.Misconception;
import org.convquiz.exercise.Model;
import org.convquiz.exercise.Quantities;
import org.convquiz.exercise.Quantity;
import org.convquiz.exercise.answer.ParsedAnswer;

/**
 * "Practise my weak spots": picks the next exercise and seed. Plain Java and deterministic: the same exercises,
 * estimates, recent mistakes and history key give the same pick.
 *
 * <ol>
 * <li>The target is the unmastered concept with the lowest estimate (concepts without evidence count at the
 * prior; ties go to the earlier concept in the tutorial), among concepts some exercise tests. Mastered concepts
 * are never suggested; when every concept is mastered there is no pick.</li>
 * <li>Among the exercises testing the target (by id, starting at a place the history key turns) and
 * {@link #SEEDS} seeds each (derived from the history key), the pick is the variant where the most of the
 * student's recent mistakes give an answer different from the right one in a part testing the target, so the
 * mistake cannot hide behind a variant where it happens to give the right number. The first such variant wins.</li>
 * </ol>
 */
public final class Picker {
    /** Seeds tried per exercise. */
    public static final int SEEDS = 12;

    private Picker() {
    }

    /** The pick: the concept aimed at, the exercise and seed, and which of the student's mistakes it exposes. */
    public record Pick(Concept concept, ExerciseDefinition exercise, long seed, List<Misconception> exposes) {
    }

    /**
     * @param exercises the exercises the student may practise
     * @param known the student's estimates (missing concepts: no evidence yet)
     * @param bkt the model (its prior and mastered threshold)
     * @param recent the student's recent mistakes, most recent first
     * @param historyKey a number that changes with every answer the student gives (e.g. the count of their answers)
     */
    public static Optional<Pick> pick(List<ExerciseDefinition> exercises, Map<Concept, Double> known, Bkt bkt, List<Misconception> recent,
            long historyKey) {
        List<ExerciseDefinition> sorted = new ArrayList<>(exercises);
        sorted.sort(Comparator.comparing(ExerciseDefinition::id));
        List<Concept> order = new ArrayList<>();
        for (Concept c : Concept.values()) {
            if (!bkt.isMastered(known.getOrDefault(c, bkt.pInit())) && sorted.stream().anyMatch(e -> tests(e, c))) {
                order.add(c);
            }
        }
        order.sort(Comparator.comparingDouble((Concept c) -> known.getOrDefault(c, bkt.pInit())).thenComparing(Concept::ordinal));
        if (order.isEmpty()) {
            return Optional.empty();
        }
        Concept target = order.get(0);
        List<ExerciseDefinition> candidates = sorted.stream().filter(e -> tests(e, target)).toList();
        Set<Misconception> mistakes = new LinkedHashSet<>(recent);
        Pick best = null;
        int start = (int) Math.floorMod(historyKey, (long) candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            ExerciseDefinition e = candidates.get((start + i) % candidates.size());
            for (int k = 0; k < SEEDS; k++) {
                long seed = seed(historyKey, k);
                List<Misconception> exposes = exposed(e, seed, target, mistakes);
                if (best == null || exposes.size() > best.exposes().size()) {
                    best = new Pick(target, e, seed, exposes);
                }
                if (mistakes.isEmpty()) {
                    return Optional.of(best); // nothing to expose: the first variant will do
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether some part of the exercise tests the concept. */
    public static boolean tests(ExerciseDefinition e, Concept c) {
        for (PartSpec p : e.spec().parts()) {
            Optional<Quantity> q = Quantity.parse(p.quantity());
            if (q.isPresent() && ConceptMap.concepts(e.spec().section(), e.spec().tags(), q.get()).contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** The mistakes that, in this variant, give an answer other than the right one in a part testing the concept. */
    public static List<Misconception> exposed(ExerciseDefinition e, long seed, Concept target, Set<Misconception> mistakes) {
        List<Misconception> out = new ArrayList<>();
        if (mistakes.isEmpty()) {
            return out;
        }
        Model model;
        try {
            model = e.model(e.variant(seed));
        } catch (RuntimeException impossible) {
            return out;
        }
        for (Misconception m : mistakes) {
            for (PartSpec p : e.parts(seed)) {
                Quantity q = Quantity.parse(p.quantity()).orElse(null);
                if (q == null || !ConceptMap.concepts(e.spec().section(), e.spec().tags(), q).contains(target)) {
                    continue;
                }
                ParsedAnswer right = Quantities.compute(model, p, q).value();
                if (m.wrongAnswers(model, p, q).stream().anyMatch(w -> !w.equals(right))) {
                    out.add(m);
                    break;
                }
            }
        }
        return out;
    }

    /** The k-th seed tried for a history key: positive, never the pinned seed 0. */
    static long seed(long historyKey, int k) {
        long z = historyKey * 0x9E3779B97F4A7C15L + (k + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        return 1 + Math.floorMod(z ^ (z >>> 29), 1_000_000_000L);
    }
}
