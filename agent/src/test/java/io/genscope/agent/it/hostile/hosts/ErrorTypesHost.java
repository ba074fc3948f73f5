package io.genscope.agent.it.hostile.hosts;

import com.example.hostile.ErrorTypesValidators;

/**
 * A generator whose validations fail with exceptions of distinct classes and with a plain error
 * that is only a file location (see {@link ErrorTypesValidators}).
 *
 * <p>Usage: {@code ErrorTypesHost <seed> <rounds>}. Prints what each round's validations
 * reported, then {@code PRIVACY_READY ...}, and waits to be killed so a test can read
 * Genscope's MBeans.
 */
public final class ErrorTypesHost {

    private ErrorTypesHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[1]);
        for (int i = 0; i < rounds; i++) {
            String thrown;
            try {
                ErrorTypesValidators.checkSpec(i);
                thrown = "nothing";
            } catch (RuntimeException failure) {
                thrown = failure.getMessage();
            }
            System.out.println("round " + i + ": " + thrown + ", " + ErrorTypesValidators.constraints(i).size() + " errors");
        }
        new PrivacyMarkers(Long.parseLong(args[0])).readyAndWait("validations=" + 2 * rounds);
    }
}
