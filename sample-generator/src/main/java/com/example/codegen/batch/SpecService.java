package com.example.codegen.batch;

import com.example.codegen.GenerationRequest;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Handles one user request of the batch front end: checks the spec, then generates from it with
 * the runner of the model asked for, whatever the check found (its findings are warnings). The
 * check runs before and outside the generation method.
 */
public final class SpecService {

    private final SpecValidator validator;
    private final Map<String, BatchRunner> runners;
    private final BiConsumer<String, SpecCheck> checked;

    /**
     * @param runners by model name
     * @param checked told of each spec check, with the model of the request
     */
    public SpecService(SpecValidator validator, Map<String, BatchRunner> runners, BiConsumer<String, SpecCheck> checked) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.runners = Map.copyOf(runners);
        this.checked = Objects.requireNonNull(checked, "checked");
    }

    public BatchResult handle(String model, GenerationRequest request) {
        SpecCheck check = validator.validate(request);
        checked.accept(model, check);
        return runners.get(model).run(request);
    }
}
