package com.example.hostile;

import io.genscope.agent.it.hostile.hosts.PrivacyMarkers;

import java.util.List;

/**
 * The instrumented part of {@link io.genscope.agent.it.hostile.hosts.PrivacyPlainErrorsHost}: a
 * generator whose validators give their errors as plain strings in the formats of javac,
 * TypeScript, ESLint and Python tools, each quoting the generated code. Outside Genscope's
 * packages, which the agent never instruments.
 */
public final class PrivacyPlainErrors {

    private PrivacyPlainErrors() {
    }

    /** What a team asks for. Its project getter throws, quoting the prompt, as a lazy lookup might. */
    public static final class Request {

        private final String prompt;

        public Request(String prompt) {
            this.prompt = prompt;
        }

        public String getPrompt() {
            return prompt;
        }

        public String getProject() {
            throw new IllegalStateException("no project configured for prompt: " + prompt);
        }
    }

    /** Generates code and runs the four validators and the throwing one on it. */
    public static final class Generator {

        private final PrivacyMarkers markers;

        public Generator(PrivacyMarkers markers) {
            this.markers = markers;
        }

        /** @return how many validations ran */
        public int generate(Request request) {
            String code = "class " + markers.next() + " { String s = \"" + markers.next() + "\"; }";
            Validators.javac(markers);
            Validators.typescript(markers);
            Validators.eslint(markers);
            Validators.python(markers);
            try {
                Validators.parse(code);
            } catch (IllegalArgumentException expected) {
                // a generator carries on after a validator that throws
            }
            return request.getPrompt().isEmpty() ? 0 : 5;
        }
    }

    /** Validators whose errors are plain strings that quote the code, as real tools print them. */
    public static final class Validators {

        private Validators() {
        }

        public static List<String> javac(PrivacyMarkers m) {
            return List.of(
                    "Gen.java:3: error: cannot find symbol\n  symbol:   variable " + m.next() + "\n  location: class Gen",
                    "Gen.java:5: error: incompatible types: " + m.next() + " cannot be converted to int",
                    "Gen.java:1: error: class " + m.next() + " is public, should be declared in a file named "
                            + m.next() + ".java",
                    "\n" + m.next() + " on the line after a blank first line");
        }

        public static List<String> typescript(PrivacyMarkers m) {
            return List.of(
                    "src/gen.ts(12,5): error TS2304: Cannot find name '" + m.next() + "'.",
                    "error TS2322: Type '\"" + m.next() + "\"' is not assignable to type 'number'.");
        }

        public static List<String> eslint(PrivacyMarkers m) {
            return List.of(
                    "  3:10  error  '" + m.next() + "' is not defined  no-undef",
                    "/src/gen.js:3:10: '" + m.next() + "' is defined but never used. [Error/no-unused-vars]");
        }

        public static List<String> python(PrivacyMarkers m) {
            return List.of(
                    "NameError: name '" + m.next() + "' is not defined",
                    "gen.py:3:1: F821 undefined name '" + m.next() + "'",
                    "gen.py:3: error: Name \"" + m.next() + "\" is not defined  [name-defined]",
                    "gen.py:9: error: cannot reach ops-" + m.next() + "@example.com with key sk-live-" + m.next()
                            + "  [misc]");
        }

        public static void parse(String code) {
            throw new IllegalArgumentException("cannot parse: " + code);
        }
    }
}
