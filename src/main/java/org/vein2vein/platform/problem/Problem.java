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
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "violations" })
@Schema(name = "Problem", description = "RFC 9457 problem details; extension members vary by type")
public final class Problem {

    private final ProblemType problemType;
    private final String detail;
    private final String instance;
    private final List<Violation> violations;
    private final Map<String, Object> extensions;

    private Problem(ProblemType problemType, String detail, String instance, List<Violation> violations,
            Map<String, Object> extensions) {
        this.problemType = problemType;
        this.detail = detail;
        this.instance = instance;
        this.violations = List.copyOf(violations);
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type, detail, null, List.of(), Map.of());
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(problemType, detail, instance, violations, extensions);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(problemType, detail, instance, violations, more);
    }

    public Problem at(String requestPath) {
        return new Problem(problemType, detail, requestPath, violations, extensions);
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

    @Schema(description = "Field errors, one per invalid field")
    public List<Violation> getViolations() {
        return violations;
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
