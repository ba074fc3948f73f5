package com.example.codegen.app;

import com.example.codegen.GenerationRequest;
import com.example.codegen.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The requests a run sends, drawn from a seed: each picks a project, a template and a model.
 * Every prompt carries its own ticket number, so no two prompts are alike and each gets its own
 * draw from the simulated models.
 */
public final class Workload {

    /** One request and the model it is sent to. */
    public record Job(String model, GenerationRequest request) {
    }

    private static final List<String> PROJECTS = List.of("billing", "search", "onboarding");

    private Workload() {
    }

    /** The same size, seed and models always give the same jobs. */
    public static List<Job> create(int size, long seed, List<String> models) {
        Random random = new Random(seed);
        Template[] templates = Template.values();
        List<Job> jobs = new ArrayList<>(size);
        for (int ticket = 1; ticket <= size; ticket++) {
            String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
            Template template = templates[random.nextInt(templates.length)];
            String model = models.get(random.nextInt(models.size()));
            String className = Character.toUpperCase(project.charAt(0)) + project.substring(1) + template.exampleClassName();
            String prompt = "Write a Java class " + className + ": " + template.examplePrompt()
                    + ". Ticket " + project.toUpperCase(Locale.ROOT) + "-" + ticket + ".";
            jobs.add(new Job(model, new GenerationRequest(project, prompt, className)));
        }
        return jobs;
    }
}
