package com.example.codegen.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * The kinds of class the simulated models can write, each a compiling Java source kept in the
 * resource {@code <name>.java.tmpl} next to this class, with {@code ${className}} where the class
 * name goes.
 *
 * <p>A model picks the template whose keyword appears first in the prompt, ignoring case, so the
 * compiler errors appended to a repair prompt do not change its choice.
 */
public enum Template {

    REST_CLIENT("REST client", "a REST client for the weather service", "WeatherClient"),
    CSV_PARSER("CSV parser", "a CSV parser for invoice exports", "InvoiceCsvParser"),
    LRU_CACHE("LRU cache", "an LRU cache for search results", "ResultCache"),
    RETRY_HELPER("retry helper", "a retry helper with exponential backoff", "RetryHelper"),
    JSON_DTO("JSON DTO", "a JSON DTO for customer profiles", "CustomerDto");

    private final String keyword;
    private final String examplePrompt;
    private final String exampleClassName;
    private final String text;

    Template(String keyword, String examplePrompt, String exampleClassName) {
        this.keyword = keyword.toLowerCase(Locale.ROOT);
        this.examplePrompt = examplePrompt;
        this.exampleClassName = exampleClassName;
        this.text = load(name().toLowerCase(Locale.ROOT).replace('_', '-') + ".java.tmpl");
    }

    /** The template's id, as a generator reports the category of a prompt: {@code rest-client}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The template the prompt asks for.
     *
     * @throws IllegalArgumentException when the prompt names no template's keyword
     */
    public static Template forPrompt(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(template -> text.contains(template.keyword))
                .min(Comparator.comparingInt(template -> text.indexOf(template.keyword)))
                .orElseThrow(() -> new IllegalArgumentException("no template for prompt: " + prompt));
    }

    /** A phrase that asks for this template, e.g. "an LRU cache for search results". */
    public String examplePrompt() {
        return examplePrompt;
    }

    /** A class name that suits what this template builds, e.g. {@code ResultCache}. */
    public String exampleClassName() {
        return exampleClassName;
    }

    /** The compiling source of a public class with this name. */
    public String render(String className) {
        return text.replace("${className}", className);
    }

    private static String load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }
}
