package bench.workload;

/** What a caller asks the generator for; the generation rule captures the project and the prompt length. */
public record GenerationRequest(String projectId, String prompt) {
}
