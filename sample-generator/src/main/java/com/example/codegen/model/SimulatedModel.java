package com.example.codegen.model;

import com.example.codegen.CodeModel;
import com.example.codegen.ModelUnavailableException;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A code model without a network: answers from a {@link Template} chosen by the prompt and, at a
 * rate that falls with each attempt, breaks the answer with a {@link Defect} the way real models
 * do. Now and then it does not answer at all.
 *
 * <p>Every answer is a function of the seed, the model's name, the prompt and the attempt alone,
 * not of call order: a workload gives the same results run after run, in any order, and a repair
 * (whose prompt carries the compiler's errors) gets a fresh draw. A prompt of the template's
 * second version ({@link PromptVariant}) gets the same draws with a lower chance of a defect.
 *
 * <p>The class name comes from the prompt, as an LLM would take it: the word after the first
 * {@code "class "}; without one the answer declares {@code Generated}.
 *
 * <p>Thread-safety: immutable.
 */
public abstract class SimulatedModel implements CodeModel {

    private static final Pattern CLASS_NAME = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)");

    private final String name;
    private final double defectRate;
    private final double defectDecay;
    private final double outageRate;
    private final long seed;

    /**
     * @param defectRate  chance, from 0 to 1, that a first answer is broken
     * @param defectDecay factor, from 0 to 1, applied to that chance for each further attempt
     * @param outageRate  chance, from 0 to 1, that a call gets no answer at all
     * @param seed        varies all draws; the same seed gives the same answers
     */
    protected SimulatedModel(String name, double defectRate, double defectDecay, double outageRate, long seed) {
        this.name = name;
        this.defectRate = defectRate;
        this.defectDecay = defectDecay;
        this.outageRate = outageRate;
        this.seed = seed;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * @throws IllegalArgumentException when the prompt asks for nothing this model has a template for
     */
    @Override
    public final String complete(String prompt, int attempt) {
        Random random = new Random(drawSeed(PromptVariant.base(prompt), attempt));
        if (random.nextDouble() < outageRate) {
            throw new ModelUnavailableException(name + " gave no answer to attempt " + attempt + " (simulated outage)");
        }
        String source = Template.forPrompt(prompt).render(classNameIn(prompt));
        double chanceOfDefect = defectRate * PromptVariant.of(prompt).defectFactor() * Math.pow(defectDecay, attempt - 1);
        return random.nextDouble() < chanceOfDefect ? Defect.pick(random).injectInto(source) : source;
    }

    private long drawSeed(String prompt, int attempt) {
        long hash = seed;
        hash = 31 * hash + name.hashCode();
        hash = 31 * hash + prompt.hashCode();
        return 31 * hash + attempt;
    }

    private static String classNameIn(String prompt) {
        Matcher className = CLASS_NAME.matcher(prompt);
        return className.find() ? className.group(1) : "Generated";
    }
}
