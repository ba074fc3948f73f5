package bench.workload;

import java.util.List;

/** The validation method: accepts any non-empty source and reports the imports it "detected". */
public final class FakeValidator {

    private static final List<String> DEPENDENCIES = List.of("java.util", "java.io");

    public ValidationResult validate(GeneratedSource code) {
        return new ValidationResult(!code.source().isEmpty(), DEPENDENCIES);
    }
}
