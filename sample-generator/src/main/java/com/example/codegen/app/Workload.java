package com.example.codegen.app;

import com.example.codegen.GenerationRequest;
import com.example.codegen.model.PromptVariant;
import com.example.codegen.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The requests a run sends, drawn from a seed: each picks a project, a template and a model, and,
 * from a second generator of the same seed (so the first draws stay what they were before users
 * and variants came), a user and the prompt template's version. Every prompt carries its own
 * ticket number, so no two prompts are alike and each gets its own draw from the simulated models.
 */
public final class Workload {

    /** One request and the model it is sent to. */
    public record Job(String model, GenerationRequest request) {
    }

    private static final List<String> PROJECTS = List.of("billing", "search", "onboarding");
    /** The users who send requests, the first more often than the others. */
    public static final List<String> USERS =
            List.of("ada@example.com", "ada@example.com", "grace@example.com", "linus@example.com", "ken@example.com");

    private Workload() {
    }

    /**
     * The same size, seed, models and user prefix always give the same jobs.
     *
     * @param userPrefix put before each user id (the privacy tests plant their markers there)
     */
    public static List<Job> create(int size, long seed, List<String> models, String userPrefix) {
        Random random = new Random(seed);
        Random people = new Random(~seed);
        PromptVariant[] variants = PromptVariant.values();
        Template[] templates = Template.values();
        List<Job> jobs = new ArrayList<>(size);
        for (int ticket = 1; ticket <= size; ticket++) {
            String project = PROJECTS.get(random.nextInt(PROJECTS.size()));
            Template template = templates[random.nextInt(templates.length)];
            String model = models.get(random.nextInt(models.size()));
            String className = Character.toUpperCase(project.charAt(0)) + project.substring(1) + template.exampleClassName();
            String user = userPrefix + USERS.get(people.nextInt(USERS.size()));
            PromptVariant variant = variants[people.nextInt(variants.length)];
            String prompt = variant.apply("Write a Java class " + className + ": " + template.examplePrompt()
                    + ". Ticket " + project.toUpperCase(Locale.ROOT) + "-" + ticket + ".");
            jobs.add(new Job(model, new GenerationRequest(project, prompt, className, variant.id(), user,
                    template.id())));
        }
        return jobs;
    }
}
