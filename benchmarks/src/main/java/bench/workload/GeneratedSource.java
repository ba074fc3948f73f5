package bench.workload;

/** What the generator returns; the generation rule captures the code length. */
public record GeneratedSource(String source) {
}
