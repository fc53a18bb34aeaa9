package org.vein2vein.platform.problem;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. Problem-specific members (such as the stages allowed next)
 * are written at the top level, as the RFC's extension members.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "violations", "totalViolations" })
@Schema(name = "Problem", description = "RFC 9457 problem details; extension members vary by type")
public final class Problem {

    /** The most violations an answer lists, so that its size stays bounded whatever was sent. */
    public static final int MAX_VIOLATIONS = 20;

    private final ProblemType problemType;
    private final String detail;
    private final String instance;
    private final List<Violation> violations;
    private final int totalViolations;
    private final Map<String, Object> extensions;

    private Problem(ProblemType problemType, String detail, String instance, List<Violation> violations,
            int totalViolations, Map<String, Object> extensions) {
        this.problemType = problemType;
        this.detail = detail;
        this.instance = instance;
        this.violations = List.copyOf(violations);
        this.totalViolations = totalViolations;
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, List.of(), 0, Map.of());
    }

    /** The violations, in the order given; only the first {@link #MAX_VIOLATIONS} are listed. */
    public Problem withViolations(List<Violation> violations) {
        List<Violation> listed = violations.size() > MAX_VIOLATIONS
                ? violations.subList(0, MAX_VIOLATIONS) : violations;
        return new Problem(problemType, detail, instance, listed, violations.size(), extensions);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(problemType, detail, instance, violations, totalViolations, more);
    }

    public Problem at(String requestPath) {
        return new Problem(problemType, detail, requestPath, violations, totalViolations, extensions);
    }

    @Schema(example = "urn:vein2vein:problem:invalid-request")
    public URI getType() {
        return problemType.uri();
    }

    public String getTitle() {
        return problemType.title();
    }

    public int getStatus() {
        return problemType.status();
    }

    public String getDetail() {
        return detail;
    }

    @Schema(description = "The request path the problem occurred on")
    public String getInstance() {
        return instance;
    }

    @Schema(description = "Field errors, one per rule a field breaks; at most " + MAX_VIOLATIONS)
    public List<Violation> getViolations() {
        return violations;
    }

    @Schema(description = "How many field errors there were in all; present only when there were more than "
            + "'violations' lists")
    public Integer getTotalViolations() {
        return totalViolations > violations.size() ? totalViolations : null;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** One invalid field: where it is in the request and what is wrong with it. */
    public record Violation(
            @Schema(description = "Location of the field, e.g. 'stage', 'data.volumeMl' or 'path.coi'") String field,
            String message) {
    }
}
