package com.example.codegen.batch;

import com.example.codegen.CodeGenerator;
import com.example.codegen.GenerationFailedException;
import com.example.codegen.GenerationRequest;
import com.example.codegen.ModelUnavailableException;

import java.util.Objects;

/**
 * Runs one generation of a batch the way OpenAPI Generator's batch runner does: a failure is
 * caught and returned as a failed {@link BatchResult}, so one bad item never stops the batch.
 * Seen from outside, every call returns normally.
 */
public final class BatchRunner {

    public static final String GENERATION_FAILED = "GENERATION_FAILED";
    public static final String MODEL_UNAVAILABLE = "MODEL_UNAVAILABLE";

    private final CodeGenerator generator;
    /** The name of the model the generator asks, for whoever reports on the batch. */
    private final String model;

    public BatchRunner(CodeGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.model = generator.modelName();
    }

    public BatchResult run(GenerationRequest request) {
        try {
            return new BatchResult(true, null, generator.generate(request));
        } catch (GenerationFailedException e) {
            return new BatchResult(false, GENERATION_FAILED, null);
        } catch (ModelUnavailableException e) {
            return new BatchResult(false, MODEL_UNAVAILABLE, null);
        }
    }

    public String model() {
        return model;
    }
}
