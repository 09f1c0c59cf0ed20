package org.convquiz.authoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.convquiz.exercise.Text;
import org.convquiz.web.StepView;

/** The instructor preview API's JSON (API records, never entities). */
public final class PreviewApi {
    private PreviewApi() {
    }

    public record PartSummary(String id, String kind, String quantity, double points) {
    }

    public record ExerciseSummary(String id, int version, String section, Text title, List<String> tags,
            @JsonProperty("content_hash") String contentHash, List<PartSummary> parts) {
    }

    public record OptionView(String key, Text text, Text explanation) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PartPreview(String id, Text label, String kind, String quantity, double points, String reference,
            List<StepView> steps, List<OptionView> options) {
    }

    public record VariantPreview(String id, int version, long seed, Map<String, Integer> params, Text prompt,
            List<PartPreview> parts) {
    }

    public record GradeRequest(Map<String, String> answers) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MisconceptionView(String id, Text title, Text advice) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartGrade(String id, String status, double score, @JsonProperty("max_score") double maxScore,
            @JsonProperty("read_as") String readAs, Text feedback, MisconceptionView misconception,
            @JsonProperty("also_possible") List<MisconceptionView> alsoPossible, String reference,
            List<StepView> steps) {
    }

    public record GradeResponse(String id, int version, long seed, double score, @JsonProperty("max_score") double maxScore,
            List<PartGrade> parts) {
    }

    public record ValidationResult(boolean valid, String id, List<String> problems,
            @JsonProperty("selftest_failures") List<String> selftestFailures) {
    }

    /** {@code copied_from}: the exercise this is the caller's copy of (they saved one they do not own), else null. */
    public record Stored(String id, int version, @JsonProperty("new") boolean isNew, @JsonProperty("content_hash") String contentHash,
            @JsonProperty("copied_from") String copiedFrom) {
    }
}
