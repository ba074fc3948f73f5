package io.genscope.agent.it.hostile.hosts;

import com.example.hostile.PrivacyPlainErrors.Generator;
import com.example.hostile.PrivacyPlainErrors.Request;

/**
 * A generator whose validators give their errors as plain strings, in the formats of javac,
 * TypeScript, ESLint and Python tools, each quoting the generated code; whose request getter
 * throws with the prompt in its message; and whose last validator throws with the code in its
 * message. Every prompt, code, error line and message carries a {@link PrivacyMarkers marker}.
 *
 * <p>The instrumented classes are in {@link com.example.hostile.PrivacyPlainErrors}: the agent never
 * instruments Genscope's own packages.
 *
 * <p>Usage: {@code PrivacyPlainErrorsHost <seed> <rounds>}. After the rounds it drops every
 * reference to what it made, prints {@code PRIVACY_READY markers=<n> validations=<n>} and waits
 * to be killed, so a test can read Genscope's MBeans and dump the heap.
 */
public final class PrivacyPlainErrorsHost {

    private PrivacyPlainErrorsHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrivacyMarkers markers = new PrivacyMarkers(Long.parseLong(args[0]));
        int validations = run(markers, Integer.parseInt(args[1]));
        markers.readyAndWait("validations=" + validations);
    }

    /** Runs the rounds; returns how many validations ran. Nothing made here outlives the call. */
    private static int run(PrivacyMarkers markers, int rounds) {
        Generator generator = new Generator(markers);
        int validations = 0;
        for (int i = 0; i < rounds; i++) {
            validations += generator.generate(new Request("Write a cache for the customer " + markers.next()
                    + ", contact ops-" + markers.next() + "@example.com, key sk-live-" + markers.next()));
        }
        return validations;
    }
}
