package bench.workload;

import java.util.List;

/** What the validator returns; the validation rule captures the flag and the dependencies. */
public record ValidationResult(boolean ok, List<String> dependencies) {
}
